-- V24's handoff.lead_won kept by triggers (decision 017), H2 (PostgreSQL: db/vendor/postgresql/V25):
-- the Java trigger sets it before a handoff is written, and its trigger on lead (V21) when the lead
-- first reaches WON. First the decision time of a handoff as a generated column, while handoff has
-- no trigger (H2 copies the table to add a column).
alter table handoff add column decision_seconds double precision
    generated always as (cast(extract(epoch from decided_at) - extract(epoch from created_at) as double precision));

create index ix_handoff_stats on handoff (created_at, state, from_user_id, to_user_id, lead_won, decision_seconds,
    reason_code);

create trigger tg_handoff_lead_won before insert, update on handoff for each row
    call 'app.ponte.stats.query.H2RollupTrigger';
