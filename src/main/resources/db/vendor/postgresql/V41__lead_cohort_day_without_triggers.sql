-- lead_cohort_day (leads per UTC creation day, channel, highest status reached and lost-from while LOST) is kept
-- by the statistics feature from the lead write path since decision 044 (app.ponte.stats.rollup: LeadCohortDay,
-- RollupStore), the same Java and SQL on both databases. Its three triggers and four functions of V30 go; the
-- other rollups and columns on lead keep theirs for now (docs/statistics.md). The rows stay: the triggers kept
-- them exactly up to this migration, and LeadCohortDay's statement is V29's backfill, so no rebuild is needed.
drop trigger tg_lead_cohort_insert on lead;
drop trigger tg_lead_cohort_update on lead;
drop trigger tg_lead_cohort_delete on lead;
drop function ponte_lead_cohort_add();
drop function ponte_lead_cohort_remove();
drop function ponte_lead_cohort_change();
drop function ponte_lead_cohort_key_lost(varchar, varchar);
