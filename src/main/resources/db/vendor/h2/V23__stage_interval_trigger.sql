-- The trigger that keeps stage_interval_day of V22 (decision 018), H2: row-level, in Java
-- (app.ponte.stats.query.H2StageIntervalTrigger). PostgreSQL has it in PL/pgSQL: db/vendor/postgresql/V23.
create trigger tg_stage_interval_day after insert on lead_status_change for each row
    call 'app.ponte.stats.query.H2StageIntervalTrigger';
