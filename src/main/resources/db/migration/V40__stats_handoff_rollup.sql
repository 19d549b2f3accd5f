-- Handoff figures from rollups (decision 040, issue 23's way: kept by the statistics feature, no trigger).
-- The one-year handoff figures read every handoff of the period (about 150,000 at the benchmark's scale) and
-- sorted the decision times for percentile_cont, twice per dashboard, plus the reps' and marketers' handoffs.
--
-- handoff_day: handoffs per UTC day of creation, sender, state and reject reason ('' unless rejected), with how
-- many have a lead that reached WON (handoff.lead_won, V24/V25): the period's figures and the marketers'.
-- handoff_recipient_day: the same per recipient (0: in the sales queue) and state: the reps'. Not one table keyed
-- by both people: at the benchmark's scale a day's senders times recipients made 102,054 rows for a year's
-- 152,593 handoffs, against 17,622 and 16,582 rows here (decision 040).
-- handoff_decision_day: the decision times' histogram, decided handoffs per UTC day of creation, recipient
-- (0: none) and duration bucket of decision_seconds (V22's buckets); a median is found from the counts and
-- read exactly from the one or two buckets that hold it, through the two indexes below.
-- All three are defined once in app.ponte.stats.rollup (HandoffDay, HandoffRecipientDay, HandoffDecisionDay);
-- the backfills below are their statements over all handoffs. The handoff table itself is not altered (no H2 trigger to re-create).

create table handoff_day (
    utc_day      bigint      not null,
    from_user_id bigint      not null,
    state        varchar(10) not null,
    reason_code  varchar(20) not null,
    handoffs     bigint      not null,
    won          bigint      not null,
    constraint pk_handoff_day primary key (utc_day, from_user_id, state, reason_code)
);

create table handoff_recipient_day (
    utc_day    bigint      not null,
    to_user_id bigint      not null,
    state      varchar(10) not null,
    handoffs   bigint      not null,
    won        bigint      not null,
    constraint pk_handoff_recipient_day primary key (utc_day, to_user_id, state)
);

create table handoff_decision_day (
    utc_day    bigint  not null,
    to_user_id bigint  not null,
    bucket     integer not null,
    decided    bigint  not null,
    constraint pk_handoff_decision_day primary key (utc_day, to_user_id, bucket)
);

-- the middle decision time(s) of a rep, and of everyone, read from one bucket in value order
create index ix_handoff_decision_to on handoff (to_user_id, decision_seconds, created_at);
create index ix_handoff_decision on handoff (decision_seconds, created_at);

insert into handoff_day (utc_day, from_user_id, state, reason_code, handoffs, won)
select cast(floor(extract(epoch from h.created_at) / 86400) as bigint), h.from_user_id, h.state,
       coalesce(h.reason_code, ''), count(*), cast(sum(case when h.lead_won then 1 else 0 end) as bigint)
from handoff h
group by cast(floor(extract(epoch from h.created_at) / 86400) as bigint), h.from_user_id, h.state,
       coalesce(h.reason_code, '');

insert into handoff_recipient_day (utc_day, to_user_id, state, handoffs, won)
select cast(floor(extract(epoch from h.created_at) / 86400) as bigint), coalesce(h.to_user_id, 0), h.state, count(*),
       cast(sum(case when h.lead_won then 1 else 0 end) as bigint)
from handoff h
group by cast(floor(extract(epoch from h.created_at) / 86400) as bigint), coalesce(h.to_user_id, 0), h.state;

insert into handoff_decision_day (utc_day, to_user_id, bucket, decided)
select cast(floor(extract(epoch from h.created_at) / 86400) as bigint), coalesce(h.to_user_id, 0), b.bucket, count(*)
from handoff h
-- the bucket by range within a window of three bucket numbers around a logarithm's estimate (SourceRows.durationBucket)
join duration_bucket b on b.bucket between least(cast(floor(ln(cast(greatest(h.decision_seconds, 60) as double precision) / 60) / ln(1.15)) as integer) + 1, 149) - 1
    and least(cast(floor(ln(cast(greatest(h.decision_seconds, 60) as double precision) / 60) / ln(1.15)) as integer) + 1, 149) + 1
    and b.lo <= h.decision_seconds and h.decision_seconds < b.hi
where h.state <> 'PENDING'
group by cast(floor(extract(epoch from h.created_at) / 86400) as bigint), coalesce(h.to_user_id, 0), b.bucket;
