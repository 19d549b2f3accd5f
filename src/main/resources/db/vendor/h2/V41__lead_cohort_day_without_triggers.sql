-- lead_cohort_day (leads per UTC creation day, channel, highest status reached and lost-from while LOST) is kept
-- by the statistics feature from the lead write path since decision 044 (app.ponte.stats.rollup: LeadCohortDay,
-- RollupStore), the same Java and SQL on both databases. tg_lead_cohort_day (V30) did only that: it goes, and no
-- other trigger is re-created (lead is not altered here, so tg_lead_won_handoffs, tg_customer_block and the
-- stage-interval triggers stay as they are). H2RollupTrigger keeps its lead_cohort branch as it was, since V30
-- still creates and fires that trigger on a new database. The rows stay: the trigger kept them exactly up to
-- this migration, and LeadCohortDay's statement is V29's backfill, so no rebuild is needed.
drop trigger tg_lead_cohort_day;
