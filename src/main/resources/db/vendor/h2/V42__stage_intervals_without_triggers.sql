-- stage_interval_day and stage_interval_channel_day (the stage durations' histograms) are kept by the statistics
-- feature from the lead write path since decision 046 (app.ponte.stats.rollup: StageIntervalDay,
-- StageIntervalChannelDay, StageIntervalKeeper), and lead_status_change.lead_channel_code by the lead feature's
-- own write path, the same Java and SQL on both databases. The five H2StageIntervalTrigger triggers (V23, V27,
-- V28) go; no other trigger is re-created (neither table is altered in a way that copies it: dropping a check
-- constraint does not). H2StageIntervalTrigger keeps its branches, since V23 to V28 still create and fire those
-- triggers on a new database. The rows stay: the triggers kept them exactly up to this migration.
drop trigger tg_stage_interval_day;
drop trigger tg_stage_interval_channel_day;
drop trigger tg_lead_stage_interval_channel;
drop trigger tg_status_change_channel;
drop trigger tg_lead_status_change_channel;
-- A writer that bypasses the lead feature (a plain SQL insert: tests, the benchmark generator) no longer has the
-- channel set for it: the column takes null until the statistics' rebuild, which first has the lead feature set it.
alter table lead_status_change drop constraint ck_status_change_lead_channel;
