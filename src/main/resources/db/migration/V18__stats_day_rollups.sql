-- Day rollups for the statistics (decision 017): the one-year figures of reps, marketers and volume
-- counted millions of rows (2.5 million held interactions, 1.3 million changes into MQL a year at
-- the benchmark's scale). These tables hold the counts per UTC day, kept by database triggers on
-- every write (V19, one file per database in db/vendor), so the service, the CSV import, the demo
-- data and any later writer keep them alike. A period is local dates in ponte.zone: its whole UTC
-- days are read here, its partial first and last UTC day (at most one day each) from the rows.
-- utc_day = the UTC day as a number: floor(epoch seconds / 86400).

-- Held (not planned) interactions per day, person and type.
create table interaction_day (
    utc_day   bigint      not null,
    user_id   bigint      not null,
    type      varchar(20) not null,
    held      bigint      not null,
    scored    bigint      not null,
    score_sum bigint      not null,
    constraint pk_interaction_day primary key (utc_day, user_id, type)
);

-- Status changes per day, person who made them and move; won_value is the sum of the current
-- expected value of the changed leads, kept for changes into WON only (0 for the others), and
-- follows later edits of a lead's expected value.
create table status_change_day (
    utc_day   bigint         not null,
    changed_by_id bigint         not null,
    from_status   varchar(15)    not null,
    to_status     varchar(15)    not null,
    changes       bigint         not null,
    won_value     numeric(18, 2) not null,
    constraint pk_status_change_day primary key (utc_day, changed_by_id, from_status, to_status)
);

insert into interaction_day (utc_day, user_id, type, held, scored, score_sum)
select d.utc_day, d.user_id, d.type, count(*), count(d.outcome_score), coalesce(sum(d.outcome_score), 0)
from (select cast(floor(extract(epoch from i.occurred_at) / 86400) as bigint) as utc_day, i.user_id, i.type,
             i.outcome_score
      from interaction i where i.planned = false) d
group by d.utc_day, d.user_id, d.type;

insert into status_change_day (utc_day, changed_by_id, from_status, to_status, changes, won_value)
select d.utc_day, d.changed_by_id, d.from_status, d.to_status, count(*), coalesce(sum(d.won_value), 0)
from (select cast(floor(extract(epoch from c.changed_at) / 86400) as bigint) as utc_day, c.changed_by_id,
             c.from_status, c.to_status,
             case when c.to_status = 'WON' then coalesce(l.expected_value, 0) else 0 end as won_value
      from lead_status_change c join lead l on l.id = c.lead_id) d
group by d.utc_day, d.changed_by_id, d.from_status, d.to_status;
