-- V24's handoff.lead_won kept by triggers (decision 017), and the decision time of a handoff as a
-- stored generated column: the medians of decision hours computed extract(epoch ...) in numeric
-- per handoff (154 ms of the reps call on the issue 8 data set). H2: db/vendor/h2/V25.
alter table handoff add column decision_seconds double precision
    generated always as (cast(extract(epoch from (decided_at - created_at)) as double precision)) stored;

-- the handoff figures of a period read one index: who, state, won, decision time
create index ix_handoff_stats on handoff (created_at, state, from_user_id, to_user_id, lead_won, decision_seconds,
    reason_code);

create function ponte_handoff_lead_won() returns trigger language plpgsql as $$
begin
    new.lead_won := coalesce((select l.max_status_rank = 4 from lead l where l.id = new.lead_id), false);
    return new;
end $$;

create trigger tg_handoff_lead_won before insert or update of lead_id on handoff for each row
    execute function ponte_handoff_lead_won();

create function ponte_lead_won_handoffs() returns trigger language plpgsql as $$
begin
    update handoff set lead_won = true where lead_id = new.id and not lead_won;
    return null;
end $$;

create trigger tg_lead_won_handoffs after update of max_status_rank on lead for each row
    when (new.max_status_rank = 4 and old.max_status_rank < 4)
    execute function ponte_lead_won_handoffs();
