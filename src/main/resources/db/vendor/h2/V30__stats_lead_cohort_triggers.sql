-- The trigger that keeps lead_cohort_day of V29 (decision 019), H2: row-level, in Java
-- (app.ponte.stats.query.H2RollupTrigger, told apart by name). PostgreSQL: db/vendor/postgresql/V30.
create trigger tg_lead_cohort_day after insert, update, delete on lead for each row
    call 'app.ponte.stats.query.H2RollupTrigger';
