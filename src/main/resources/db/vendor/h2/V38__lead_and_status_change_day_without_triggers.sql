-- lead_day and status_change_day (with its won value) are kept by the statistics feature from the lead
-- write path since decision 036 (app.ponte.stats.rollup: LeadDay, StatusChangeDay, RollupStore), the same
-- Java and SQL on both databases. tg_status_change_day (V19, re-created by V28) did only that: it goes.
-- tg_lead_rollups (V21) kept lead_day, the won value and handoff.lead_won: it goes, and handoff.lead_won
-- (still a trigger's job, as tg_lead_won_handoffs on PostgreSQL, V25) gets a trigger of its own under a
-- new name, which H2RollupTrigger tells apart. The branches of the old names stay as they were, so V19 to
-- V37 still do on a new database what they always did (decision 036). The rows stay: the triggers kept
-- them exactly up to this migration.
drop trigger tg_status_change_day;
drop trigger tg_lead_rollups;
create trigger tg_lead_won_handoffs after update on lead for each row
    call 'app.ponte.stats.query.H2RollupTrigger';
