-- The triggers that keep stage_interval_channel_day of V26 (decision 018), H2: row-level, in Java
-- (app.ponte.stats.query.H2StageIntervalTrigger, told apart by name): a status change adds its
-- interval to its lead's channel; a lead moved to another channel moves its intervals (a second Java
-- trigger on lead besides tg_lead_rollups). PostgreSQL has them in PL/pgSQL: db/vendor/postgresql/V27.
create trigger tg_stage_interval_channel_day after insert on lead_status_change for each row
    call 'app.ponte.stats.query.H2StageIntervalTrigger';
create trigger tg_lead_stage_interval_channel after update on lead for each row
    call 'app.ponte.stats.query.H2StageIntervalTrigger';
