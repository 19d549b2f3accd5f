-- Stalled leads counted from a rollup (decision 017's kind): the count of open leads by status whose
-- last activity lies before the cutoff read every such lead — 45,001 of 100,000 leads on H2 at a tenth
-- of the issue 8 scale, so about 450,000 at full scale (H2 has no index-only scans). lead_activity_day
-- counts the open leads per status and UTC day of their last activity (lead.last_activity_at); a
-- count = the whole days before the cutoff's day from here + the part of that day from the leads
-- (at most 12 hours). Kept by the triggers of V34 (db/vendor/{h2,postgresql}).

create table lead_activity_day (
    status   varchar(15) not null,
    utc_day  bigint      not null,
    leads    bigint      not null,
    constraint pk_lead_activity_day primary key (status, utc_day)
);

insert into lead_activity_day (status, utc_day, leads)
select x.status, x.utc_day, count(*)
from (select l.status, cast(floor(extract(epoch from l.last_activity_at) / 86400) as bigint) as utc_day
      from lead l where l.status in ('NEW', 'MQL', 'SQL', 'OPPORTUNITY')) x
group by x.status, x.utc_day;
