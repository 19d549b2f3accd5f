-- The triggers that keep lead_activity_day of V33, PostgreSQL (H2: db/vendor/h2/V34). Inserts and
-- deletes statement-level with a transition table, keys upserted in key order; an edit row-level,
-- only when the lead's status or the UTC day of its last activity changes (a second interaction on
-- the same day fires nothing).

create function ponte_lead_activity_add() returns trigger language plpgsql as $$
begin
    insert into lead_activity_day as d (status, utc_day, leads)
    select n.status, cast(floor(extract(epoch from n.last_activity_at) / 86400) as bigint), count(*)
    from new_rows n
    where n.status in ('NEW', 'MQL', 'SQL', 'OPPORTUNITY')
    group by 1, 2
    order by 1, 2
    on conflict (status, utc_day) do update set leads = d.leads + excluded.leads;
    return null;
end $$;

create function ponte_lead_activity_remove() returns trigger language plpgsql as $$
begin
    update lead_activity_day d set leads = d.leads - x.leads
    from (select o.status, cast(floor(extract(epoch from o.last_activity_at) / 86400) as bigint) as utc_day,
                 count(*) as leads
          from old_rows o where o.status in ('NEW', 'MQL', 'SQL', 'OPPORTUNITY') group by 1, 2) x
    where d.status = x.status and d.utc_day = x.utc_day;
    return null;
end $$;

create function ponte_lead_activity_change() returns trigger language plpgsql as $$
begin
    if old.status in ('NEW', 'MQL', 'SQL', 'OPPORTUNITY') then
        update lead_activity_day d set leads = d.leads - 1
        where d.status = old.status
          and d.utc_day = cast(floor(extract(epoch from old.last_activity_at) / 86400) as bigint);
    end if;
    if new.status in ('NEW', 'MQL', 'SQL', 'OPPORTUNITY') then
        insert into lead_activity_day as d (status, utc_day, leads)
        values (new.status, cast(floor(extract(epoch from new.last_activity_at) / 86400) as bigint), 1)
        on conflict (status, utc_day) do update set leads = d.leads + 1;
    end if;
    return null;
end $$;

create trigger tg_lead_activity_insert after insert on lead
    referencing new table as new_rows for each statement execute function ponte_lead_activity_add();
create trigger tg_lead_activity_update after update of status, last_activity_at on lead for each row
    when ((old.status, cast(floor(extract(epoch from old.last_activity_at) / 86400) as bigint))
          is distinct from (new.status, cast(floor(extract(epoch from new.last_activity_at) / 86400) as bigint)))
    execute function ponte_lead_activity_change();
create trigger tg_lead_activity_delete after delete on lead
    referencing old table as old_rows for each statement execute function ponte_lead_activity_remove();
