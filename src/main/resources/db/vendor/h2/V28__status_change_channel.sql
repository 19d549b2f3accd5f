-- lead_status_change.lead_channel_code (decision 018): the channel of the change's lead, kept by the
-- database, so the middle values of one channel's stage durations are an index range of
-- ix_status_change_channel_duration instead of a walk through every channel's intervals of the bucket
-- with a probe of each one's lead. H2 (PostgreSQL: db/vendor/postgresql/V28): Java triggers of
-- app.ponte.stats.query.H2StageIntervalTrigger. Set by a trigger, not by the writers: JPA's
-- StatusChangeEntity does not map it, and plain SQL inserts (tests, the benchmark generator) get it
-- right without knowing it; a value given by a writer is overwritten with the lead's channel.
--
-- H2 copies lead_status_change to add a column and re-creates its triggers on the copy, firing them
-- for the copied rows (decision 017): they are dropped first and created again afterwards, as V19,
-- V23 and V27 created them.
drop trigger tg_status_change_day;
drop trigger tg_stage_interval_day;
drop trigger tg_stage_interval_channel_day;

alter table lead_status_change add column lead_channel_code varchar(30);
update lead_status_change set lead_channel_code = (select l.channel_code from lead l
    where l.id = lead_status_change.lead_id);
-- not null as a check: H2 checks NOT NULL before the BEFORE triggers run (an insert without the column
-- would fail before tg_status_change_channel sets it), a check constraint after them
alter table lead_status_change add constraint ck_status_change_lead_channel check (lead_channel_code is not null);

-- one channel's intervals of a status in duration order, the creation instant checked in the index
create index ix_status_change_channel_duration on lead_status_change (lead_channel_code, from_status,
    from_duration_seconds, lead_created_at);

create trigger tg_status_change_day after insert on lead_status_change for each row
    call 'app.ponte.stats.query.H2RollupTrigger';
create trigger tg_stage_interval_day after insert on lead_status_change for each row
    call 'app.ponte.stats.query.H2StageIntervalTrigger';
create trigger tg_stage_interval_channel_day after insert on lead_status_change for each row
    call 'app.ponte.stats.query.H2StageIntervalTrigger';

-- before each insert: the lead's current channel; a lead moved to another channel: its changes follow
-- (as tg_lead_stage_interval_channel of V27 moves its intervals in the histogram)
create trigger tg_status_change_channel before insert on lead_status_change for each row
    call 'app.ponte.stats.query.H2StageIntervalTrigger';
create trigger tg_lead_status_change_channel after update on lead for each row
    call 'app.ponte.stats.query.H2StageIntervalTrigger';
