-- More of decision 017 (statistics kept cheap on write), measured on the issue 8 data set:
-- - leads created per UTC day, creator and channel: marketers' leadsCreated and volume's leads per
--   bucket counted the year's 508,000 cohort leads (132 ms of the marketers call);
-- - lead.revenue, the sum of the lead's purchases: channels' revenue of the period's customers
--   grouped all 583,332 purchases by lead and merge-joined them (362 ms).
-- Both are kept by the triggers of V21 (db/vendor/{h2,postgresql}).

create table lead_day (
    utc_day       bigint      not null,
    created_by_id bigint      not null,
    channel_code  varchar(30) not null,
    leads         bigint      not null,
    constraint pk_lead_day primary key (utc_day, created_by_id, channel_code)
);

insert into lead_day (utc_day, created_by_id, channel_code, leads)
select d.utc_day, d.created_by_id, d.channel_code, count(*)
from (select cast(floor(extract(epoch from l.created_at) / 86400) as bigint) as utc_day, l.created_by_id,
             l.channel_code
      from lead l) d
group by d.utc_day, d.created_by_id, d.channel_code;

alter table lead add column revenue numeric(16, 2) default 0 not null;

update lead set revenue = (select sum(p.amount) from purchase p where p.lead_id = lead.id)
where exists (select 1 from purchase p where p.lead_id = lead.id);

-- customers of a period by channel with their revenue, index-only (was (first_won_at, channel_code, id))
drop index ix_lead_first_won;
create index ix_lead_first_won on lead (first_won_at, channel_code, revenue);
