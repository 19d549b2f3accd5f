-- lead_day and status_change_day (with its won value) are kept by the statistics feature from the lead
-- write path since decision 036 (app.ponte.stats.rollup: LeadDay, StatusChangeDay, RollupStore), the same
-- Java and SQL on both databases. Their triggers and functions of V19 and V21 go; the other rollups and
-- columns on lead and lead_status_change keep theirs for now (docs/statistics.md). The rows stay: the
-- triggers kept them exactly up to this migration, and the feature recomputes keys from the rows.
drop trigger tg_status_change_day_insert on lead_status_change;
drop trigger tg_status_change_day_value on lead;
drop trigger tg_lead_day_insert on lead;
drop trigger tg_lead_day_update on lead;
drop trigger tg_lead_day_delete on lead;
drop function ponte_status_change_day_add();
drop function ponte_status_change_day_value();
drop function ponte_lead_day_add();
drop function ponte_lead_day_remove();
drop function ponte_lead_day_change();
