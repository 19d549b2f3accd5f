-- lead_activity_day (open leads per status and UTC day of their last activity) is kept by the statistics
-- feature from the lead write path since decision 039 (app.ponte.stats.rollup: LeadActivityDay, RollupStore),
-- the same Java and SQL on both databases. tg_lead_activity_day (V34) did only that: it goes, and no other
-- trigger is re-created (lead is not altered here, so tg_lead_won_handoffs, tg_lead_cohort_day,
-- tg_customer_block and the rest stay as they are). H2RollupTrigger keeps its lead_activity branch as it was,
-- since V34 still creates and fires that trigger on a new database. The rows stay: the trigger kept them
-- exactly up to this migration.
drop trigger tg_lead_activity_day;
