-- The trigger that keeps stage_interval_day of V22 (decision 018), PostgreSQL: statement-level with
-- a transition table, so an INSERT ... SELECT of many changes updates each (day, status, bucket) row
-- once; keys are upserted in key order, so two writers lock them in the same order (no deadlock).
-- Status changes are never edited or deleted. (H2 has it as a Java class: db/vendor/h2/V23.)
create function ponte_stage_interval_day_add() returns trigger language plpgsql as $$
begin
    insert into stage_interval_day as d (utc_day, from_status, bucket, intervals, total_seconds)
    select x.utc_day, x.from_status, x.bucket, count(*), sum(x.from_duration_seconds)
    from (select cast(floor(extract(epoch from n.lead_created_at) / 86400) as bigint) as utc_day, n.from_status,
                 b.bucket, n.from_duration_seconds
          from new_rows n
          join duration_bucket b on b.lo <= n.from_duration_seconds and n.from_duration_seconds < b.hi
          where n.from_status in ('NEW', 'MQL', 'SQL', 'OPPORTUNITY')) x
    group by x.utc_day, x.from_status, x.bucket
    order by x.utc_day, x.from_status, x.bucket
    on conflict (utc_day, from_status, bucket) do update set intervals = d.intervals + excluded.intervals,
        total_seconds = d.total_seconds + excluded.total_seconds;
    return null;
end $$;

create trigger tg_stage_interval_day_insert after insert on lead_status_change
    referencing new table as new_rows for each statement execute function ponte_stage_interval_day_add();
