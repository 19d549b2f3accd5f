-- Time to customer from a histogram (decision 020). The one-year call read every customer of the
-- cohort twice (about 125,000 at the issue 8 scale: overall and per channel, each with a median);
-- H2 has no index-only scans and fetched each lead's row. customer_block counts the customers
-- (leads with a time to customer: first change into WON minus creation) per block of 16 UTC days of
-- their creation (block = floor(epoch seconds / 1,382,400)), channel and duration bucket (the buckets
-- of V22), with their total time in microseconds (exact sums, also after edits). A period = whole
-- blocks from here + at most 8 days of leads at each end; the medians fetch only the middle value(s)
-- of one bucket. Per day, as the other rollups, would be as many rows as customers (a few hundred a
-- day over 15 channels and 150 buckets). Kept by the triggers of V32 (db/vendor/{h2,postgresql}).

create table customer_block (
    block         bigint      not null,
    channel_code  varchar(30) not null,
    bucket        int         not null,
    customers     bigint      not null,
    total_micros  bigint      not null,
    constraint pk_customer_block primary key (block, channel_code, bucket)
);

insert into customer_block (block, channel_code, bucket, customers, total_micros)
select x.block, x.channel_code, x.bucket, count(*), sum(x.micros)
from (select cast(floor(extract(epoch from l.created_at) / 1382400) as bigint) as block, l.channel_code, b.bucket,
             cast(round(l.to_customer_seconds * 1000000) as bigint) as micros
      from lead l
      join duration_bucket b on b.lo <= l.to_customer_seconds and l.to_customer_seconds < b.hi
      where l.to_customer_seconds is not null) x
group by x.block, x.channel_code, x.bucket;

-- the middle value(s) of one bucket: all channels, or one
create index ix_lead_to_customer on lead (to_customer_seconds, created_at);
create index ix_lead_channel_to_customer on lead (channel_code, to_customer_seconds, created_at);
