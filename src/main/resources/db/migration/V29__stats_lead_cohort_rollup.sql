-- The cohort of a period per UTC creation day (decision 019): how many leads were created that day
-- in each channel, by the highest status they have reached and, for the leads LOST now, the status
-- they were lost from ('' for the others). The funnel and the channels' cohort counted every lead of
-- the period's cohort (508,000 of the issue 8 data set's 1,000,000 for one year); H2 has no
-- index-only scans and read each lead's row. Kept by the triggers of V30 (db/vendor/{h2,postgresql}).

create table lead_cohort_day (
    utc_day         bigint      not null,
    channel_code    varchar(30) not null,
    max_status_rank smallint    not null,
    lost_from       varchar(15) not null,
    leads           bigint      not null,
    constraint pk_lead_cohort_day primary key (utc_day, channel_code, max_status_rank, lost_from)
);

insert into lead_cohort_day (utc_day, channel_code, max_status_rank, lost_from, leads)
select d.utc_day, d.channel_code, d.max_status_rank, d.lost_from, count(*)
from (select cast(floor(extract(epoch from l.created_at) / 86400) as bigint) as utc_day, l.channel_code,
             l.max_status_rank,
             case when l.status = 'LOST' and l.lost_from is not null then l.lost_from else '' end as lost_from
      from lead l) d
group by d.utc_day, d.channel_code, d.max_status_rank, d.lost_from;
