-- The trigger that keeps lead_activity_day of V33, H2: row-level, in Java
-- (app.ponte.stats.query.H2RollupTrigger, told apart by name). PostgreSQL: db/vendor/postgresql/V34.
create trigger tg_lead_activity_day after insert, update, delete on lead for each row
    call 'app.ponte.stats.query.H2RollupTrigger';
