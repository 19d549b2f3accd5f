-- The triggers that keep customer_block of V31 (decision 020), PostgreSQL (H2: db/vendor/h2/V32).
-- Inserts and deletes statement-level with a transition table, keys upserted in key order; an edit
-- row-level, only when the lead's creation, channel or time to customer changes (to_customer_seconds
-- is generated from first_won_at and created_at: the trigger watches those).

create function ponte_customer_block_add() returns trigger language plpgsql as $$
begin
    insert into customer_block as d (block, channel_code, bucket, customers, total_micros)
    select cast(floor(extract(epoch from n.created_at) / 1382400) as bigint), n.channel_code, b.bucket, count(*),
           sum(cast(round(n.to_customer_seconds * 1000000) as bigint))
    from new_rows n
    join duration_bucket b on b.lo <= n.to_customer_seconds and n.to_customer_seconds < b.hi
    where n.to_customer_seconds is not null
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (block, channel_code, bucket) do update set customers = d.customers + excluded.customers,
        total_micros = d.total_micros + excluded.total_micros;
    return null;
end $$;

create function ponte_customer_block_remove() returns trigger language plpgsql as $$
begin
    update customer_block d set customers = d.customers - x.customers, total_micros = d.total_micros - x.total_micros
    from (select cast(floor(extract(epoch from o.created_at) / 1382400) as bigint) as block, o.channel_code,
                 b.bucket, count(*) as customers, sum(cast(round(o.to_customer_seconds * 1000000) as bigint)) as total_micros
          from old_rows o
          join duration_bucket b on b.lo <= o.to_customer_seconds and o.to_customer_seconds < b.hi
          where o.to_customer_seconds is not null
          group by 1, 2, 3) x
    where d.block = x.block and d.channel_code = x.channel_code and d.bucket = x.bucket;
    return null;
end $$;

create function ponte_customer_block_change() returns trigger language plpgsql as $$
begin
    if old.to_customer_seconds is not null then
        update customer_block d set customers = d.customers - 1,
            total_micros = d.total_micros - cast(round(old.to_customer_seconds * 1000000) as bigint)
        from duration_bucket b
        where b.lo <= old.to_customer_seconds and old.to_customer_seconds < b.hi
          and d.block = cast(floor(extract(epoch from old.created_at) / 1382400) as bigint)
          and d.channel_code = old.channel_code and d.bucket = b.bucket;
    end if;
    if new.to_customer_seconds is not null then
        insert into customer_block as d (block, channel_code, bucket, customers, total_micros)
        select cast(floor(extract(epoch from new.created_at) / 1382400) as bigint), new.channel_code, b.bucket, 1,
               cast(round(new.to_customer_seconds * 1000000) as bigint)
        from duration_bucket b
        where b.lo <= new.to_customer_seconds and new.to_customer_seconds < b.hi
        on conflict (block, channel_code, bucket) do update set customers = d.customers + 1,
            total_micros = d.total_micros + excluded.total_micros;
    end if;
    return null;
end $$;

create trigger tg_customer_block_insert after insert on lead
    referencing new table as new_rows for each statement execute function ponte_customer_block_add();
create trigger tg_customer_block_update after update of created_at, channel_code, first_won_at on lead for each row
    when ((old.created_at, old.channel_code, old.to_customer_seconds)
          is distinct from (new.created_at, new.channel_code, new.to_customer_seconds))
    execute function ponte_customer_block_change();
create trigger tg_customer_block_delete after delete on lead
    referencing old table as old_rows for each statement execute function ponte_customer_block_remove();
