-- The triggers that keep the day rollups of V18 (decision 017), H2: row-level, in Java
-- (app.ponte.stats.query.H2RollupTrigger). PostgreSQL has them in PL/pgSQL: db/vendor/postgresql/V19.
create trigger tg_interaction_day after insert, update, delete on interaction for each row
    call 'app.ponte.stats.query.H2RollupTrigger';
create trigger tg_status_change_day after insert on lead_status_change for each row
    call 'app.ponte.stats.query.H2RollupTrigger';
create trigger tg_status_change_day_value after update on lead for each row
    call 'app.ponte.stats.query.H2RollupTrigger';
