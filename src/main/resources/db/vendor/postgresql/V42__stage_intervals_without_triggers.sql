-- stage_interval_day and stage_interval_channel_day (the stage durations' histograms) are kept by the statistics
-- feature from the lead write path since decision 046 (app.ponte.stats.rollup: StageIntervalDay,
-- StageIntervalChannelDay, StageIntervalKeeper), and lead_status_change.lead_channel_code by the lead feature's
-- own write path (a change is written with its lead's channel, a channel edit rewrites the lead's changes), the
-- same Java and SQL on both databases. The triggers and functions of V23, V27 and V28 go; the others stay
-- (docs/statistics.md). The rows stay: the triggers kept them exactly up to this migration.
drop trigger tg_stage_interval_day_insert on lead_status_change;
drop trigger tg_stage_interval_channel_day_insert on lead_status_change;
drop trigger tg_stage_interval_channel_day_move on lead;
drop trigger tg_status_change_channel on lead_status_change;
drop trigger tg_lead_status_change_channel on lead;
drop function ponte_stage_interval_day_add();
drop function ponte_stage_interval_channel_day_add();
drop function ponte_stage_interval_channel_day_move();
drop function ponte_status_change_channel_set();
drop function ponte_status_change_channel_follow();
-- A writer that bypasses the lead feature (a plain SQL insert: tests, the benchmark generator) no longer has the
-- channel set for it: the column takes null until the statistics' rebuild, which first has the lead feature set it.
alter table lead_status_change alter column lead_channel_code drop not null;
