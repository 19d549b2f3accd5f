-- The triggers that keep stage_interval_channel_day of V26 (decision 018), PostgreSQL (H2 has them as
-- a Java class: db/vendor/h2/V27). On insert into lead_status_change: statement-level with a
-- transition table, the intervals added to their lead's current channel, one upsert per key, keys in
-- key order (two writers lock them in the same order, no deadlock).
create function ponte_stage_interval_channel_day_add() returns trigger language plpgsql as $$
begin
    insert into stage_interval_channel_day as d (channel_code, utc_day, from_status, bucket, intervals, total_seconds)
    select x.channel_code, x.utc_day, x.from_status, x.bucket, count(*), sum(x.from_duration_seconds)
    from (select l.channel_code, cast(floor(extract(epoch from n.lead_created_at) / 86400) as bigint) as utc_day,
                 n.from_status, b.bucket, n.from_duration_seconds
          from new_rows n
          join lead l on l.id = n.lead_id
          join duration_bucket b on b.lo <= n.from_duration_seconds and n.from_duration_seconds < b.hi
          where n.from_status in ('NEW', 'MQL', 'SQL', 'OPPORTUNITY')) x
    group by x.channel_code, x.utc_day, x.from_status, x.bucket
    order by x.channel_code, x.utc_day, x.from_status, x.bucket
    on conflict (channel_code, utc_day, from_status, bucket) do update set intervals = d.intervals + excluded.intervals,
        total_seconds = d.total_seconds + excluded.total_seconds;
    return null;
end $$;

create trigger tg_stage_interval_channel_day_insert after insert on lead_status_change
    referencing new table as new_rows for each statement execute function ponte_stage_interval_channel_day_add();

-- A lead moved to another channel: all its intervals (one creation day, so the same day and buckets)
-- are taken from the old channel's rows (emptied rows deleted) and added to the new channel's.
create function ponte_stage_interval_channel_day_move() returns trigger language plpgsql as $$
begin
    update stage_interval_channel_day d set intervals = d.intervals - x.intervals,
        total_seconds = d.total_seconds - x.total_seconds
    from (select cast(floor(extract(epoch from c.lead_created_at) / 86400) as bigint) as utc_day, c.from_status,
                 b.bucket, count(*) as intervals, sum(c.from_duration_seconds) as total_seconds
          from lead_status_change c
          join duration_bucket b on b.lo <= c.from_duration_seconds and c.from_duration_seconds < b.hi
          where c.lead_id = old.id and c.from_status in ('NEW', 'MQL', 'SQL', 'OPPORTUNITY')
          group by 1, 2, 3) x
    where d.channel_code = old.channel_code and d.utc_day = x.utc_day and d.from_status = x.from_status
      and d.bucket = x.bucket;
    delete from stage_interval_channel_day d
    where d.channel_code = old.channel_code and d.intervals = 0
      and d.utc_day in (select cast(floor(extract(epoch from c.lead_created_at) / 86400) as bigint)
                        from lead_status_change c where c.lead_id = old.id);
    insert into stage_interval_channel_day as d (channel_code, utc_day, from_status, bucket, intervals, total_seconds)
    select new.channel_code, cast(floor(extract(epoch from c.lead_created_at) / 86400) as bigint), c.from_status,
           b.bucket, count(*), sum(c.from_duration_seconds)
    from lead_status_change c
    join duration_bucket b on b.lo <= c.from_duration_seconds and c.from_duration_seconds < b.hi
    where c.lead_id = new.id and c.from_status in ('NEW', 'MQL', 'SQL', 'OPPORTUNITY')
    group by 2, 3, 4
    order by 2, 3, 4
    on conflict (channel_code, utc_day, from_status, bucket) do update set intervals = d.intervals + excluded.intervals,
        total_seconds = d.total_seconds + excluded.total_seconds;
    return null;
end $$;

create trigger tg_stage_interval_channel_day_move after update of channel_code on lead for each row
    when (old.channel_code is distinct from new.channel_code)
    execute function ponte_stage_interval_channel_day_move();
