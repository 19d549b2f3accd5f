-- Triggers for V20 (decision 017), PostgreSQL, and the time to customer of a lead as a stored
-- generated column (H2 has its own form in db/vendor/h2/V21).

create function ponte_lead_day_add() returns trigger language plpgsql as $$
begin
    insert into lead_day as d (utc_day, created_by_id, channel_code, leads)
    select cast(floor(extract(epoch from n.created_at) / 86400) as bigint), n.created_by_id, n.channel_code, count(*)
    from new_rows n
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (utc_day, created_by_id, channel_code) do update set leads = d.leads + excluded.leads;
    return null;
end $$;

create function ponte_lead_day_remove() returns trigger language plpgsql as $$
begin
    update lead_day d set leads = d.leads - x.leads
    from (select cast(floor(extract(epoch from o.created_at) / 86400) as bigint) as utc_day, o.created_by_id,
                 o.channel_code, count(*) as leads
          from old_rows o group by 1, 2, 3) x
    where d.utc_day = x.utc_day and d.created_by_id = x.created_by_id and d.channel_code = x.channel_code;
    return null;
end $$;

-- a lead moved to another channel (or its creation corrected): row-level, only then
create function ponte_lead_day_change() returns trigger language plpgsql as $$
begin
    update lead_day d set leads = d.leads - 1
    where d.utc_day = cast(floor(extract(epoch from old.created_at) / 86400) as bigint)
      and d.created_by_id = old.created_by_id and d.channel_code = old.channel_code;
    insert into lead_day as d (utc_day, created_by_id, channel_code, leads)
    values (cast(floor(extract(epoch from new.created_at) / 86400) as bigint), new.created_by_id, new.channel_code, 1)
    on conflict (utc_day, created_by_id, channel_code) do update set leads = d.leads + 1;
    return null;
end $$;

create trigger tg_lead_day_insert after insert on lead
    referencing new table as new_rows for each statement execute function ponte_lead_day_add();
create trigger tg_lead_day_update after update of created_at, created_by_id, channel_code on lead for each row
    when ((old.created_at, old.created_by_id, old.channel_code)
          is distinct from (new.created_at, new.created_by_id, new.channel_code))
    execute function ponte_lead_day_change();
create trigger tg_lead_day_delete after delete on lead
    referencing old table as old_rows for each statement execute function ponte_lead_day_remove();

-- lead.revenue follows every purchase written, edited or deleted
create function ponte_lead_revenue() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update lead set revenue = revenue - old.amount where id = old.lead_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        update lead set revenue = revenue + new.amount where id = new.lead_id;
    end if;
    return null;
end $$;

create trigger tg_lead_revenue_insert after insert or delete on purchase for each row
    execute function ponte_lead_revenue();
create trigger tg_lead_revenue_update after update of lead_id, amount on purchase for each row
    when ((old.lead_id, old.amount) is distinct from (new.lead_id, new.amount))
    execute function ponte_lead_revenue();

-- Time to customer: seconds from creation to the first change into WON, as the statistics computed
-- it per row before (exact, then as a double); the cohort's customers with it, index-only.
alter table lead add column to_customer_seconds double precision
    generated always as (cast(extract(epoch from (first_won_at - created_at)) as double precision)) stored;
drop index ix_lead_customers;
create index ix_lead_customers on lead (max_status_rank, created_at, to_customer_seconds, channel_code);
