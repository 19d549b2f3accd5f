-- lead_status_change.lead_channel_code (decision 018): the channel of the change's lead, kept by the
-- database, so the middle values of one channel's stage durations are an index range of
-- ix_status_change_channel_duration instead of a walk through every channel's intervals of the bucket
-- with a probe of each one's lead. PostgreSQL (H2: db/vendor/h2/V28, Java triggers).
-- Set by a trigger, not by the writers: JPA's StatusChangeEntity does not map it, and the history
-- import, plain SQL inserts (tests, the benchmark generator) and any later writer get it right
-- without knowing it; a value given by a writer is overwritten with the lead's channel.
alter table lead_status_change add column lead_channel_code varchar(30);
update lead_status_change c set lead_channel_code = l.channel_code from lead l where l.id = c.lead_id;
alter table lead_status_change alter column lead_channel_code set not null;

-- one channel's intervals of a status in duration order, the creation instant checked in the index
create index ix_status_change_channel_duration on lead_status_change (lead_channel_code, from_status,
    from_duration_seconds, lead_created_at);

-- Before each insert (row-level: a statement-level trigger cannot change the rows): the lead's
-- current channel. PostgreSQL checks NOT NULL after the BEFORE triggers.
create function ponte_status_change_channel_set() returns trigger language plpgsql as $$
begin
    select l.channel_code into new.lead_channel_code from lead l where l.id = new.lead_id;
    return new;
end $$;

create trigger tg_status_change_channel before insert on lead_status_change for each row
    execute function ponte_status_change_channel_set();

-- A lead moved to another channel: its changes follow (as tg_stage_interval_channel_day_move of V27
-- moves its intervals in the histogram).
create function ponte_status_change_channel_follow() returns trigger language plpgsql as $$
begin
    update lead_status_change set lead_channel_code = new.channel_code where lead_id = new.id;
    return null;
end $$;

create trigger tg_lead_status_change_channel after update of channel_code on lead for each row
    when (old.channel_code is distinct from new.channel_code)
    execute function ponte_status_change_channel_follow();
