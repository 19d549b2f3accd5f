-- lead_activity_day (open leads per status and UTC day of their last activity) is kept by the statistics
-- feature from the lead write path since decision 039 (app.ponte.stats.rollup: LeadActivityDay, RollupStore),
-- the same Java and SQL on both databases. Its three triggers and functions of V34 go; the other rollups and
-- columns on lead keep theirs for now (docs/statistics.md). The rows stay: the triggers kept them exactly up
-- to this migration, and the feature recomputes keys from the rows.
drop trigger tg_lead_activity_insert on lead;
drop trigger tg_lead_activity_update on lead;
drop trigger tg_lead_activity_delete on lead;
drop function ponte_lead_activity_add();
drop function ponte_lead_activity_remove();
drop function ponte_lead_activity_change();
