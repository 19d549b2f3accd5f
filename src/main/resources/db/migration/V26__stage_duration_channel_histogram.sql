-- Stage durations of one channel from a histogram too (decision 018): stage_interval_channel_day is
-- stage_interval_day of V22 per channel of the interval's lead (the lead's current channel_code).
-- Kept by database triggers (V27, one file per database in db/vendor): a status change from an open
-- status adds its interval to its lead's channel; a lead moved to another channel moves all its
-- intervals (one creation day, so the same day and buckets) from the old channel's rows to the new.
create table stage_interval_channel_day (
    channel_code  varchar(30) not null,
    utc_day       bigint      not null,
    from_status   varchar(15) not null,
    bucket        int         not null,
    intervals     bigint      not null,
    total_seconds bigint      not null,
    constraint pk_stage_interval_channel_day primary key (channel_code, utc_day, from_status, bucket)
);

insert into stage_interval_channel_day (channel_code, utc_day, from_status, bucket, intervals, total_seconds)
select d.channel_code, d.utc_day, d.from_status, d.bucket, count(*), sum(d.from_duration_seconds)
from (select l.channel_code, cast(floor(extract(epoch from c.lead_created_at) / 86400) as bigint) as utc_day,
             c.from_status, b.bucket, c.from_duration_seconds
      from lead_status_change c
      join lead l on l.id = c.lead_id
      join duration_bucket b on b.lo <= c.from_duration_seconds and c.from_duration_seconds < b.hi
      where c.from_status in ('NEW', 'MQL', 'SQL', 'OPPORTUNITY')) d
group by d.channel_code, d.utc_day, d.from_status, d.bucket;
