-- The triggers that keep lead_cohort_day of V29 (decision 019), PostgreSQL (H2: db/vendor/h2/V30).
-- Inserts and deletes statement-level with a transition table, keys upserted in key order (two
-- writers lock them in the same order); an edit row-level, only when the lead's key changes (its
-- creation, channel, highest status reached, or whether and from where it is LOST).

create function ponte_lead_cohort_key_lost(status varchar, lost_from varchar) returns varchar
    language sql immutable as $$ select case when status = 'LOST' and lost_from is not null then lost_from else '' end $$;

create function ponte_lead_cohort_add() returns trigger language plpgsql as $$
begin
    insert into lead_cohort_day as d (utc_day, channel_code, max_status_rank, lost_from, leads)
    select cast(floor(extract(epoch from n.created_at) / 86400) as bigint), n.channel_code, n.max_status_rank,
           ponte_lead_cohort_key_lost(n.status, n.lost_from), count(*)
    from new_rows n
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4
    on conflict (utc_day, channel_code, max_status_rank, lost_from) do update set leads = d.leads + excluded.leads;
    return null;
end $$;

create function ponte_lead_cohort_remove() returns trigger language plpgsql as $$
begin
    update lead_cohort_day d set leads = d.leads - x.leads
    from (select cast(floor(extract(epoch from o.created_at) / 86400) as bigint) as utc_day, o.channel_code,
                 o.max_status_rank, ponte_lead_cohort_key_lost(o.status, o.lost_from) as lost_from, count(*) as leads
          from old_rows o group by 1, 2, 3, 4) x
    where d.utc_day = x.utc_day and d.channel_code = x.channel_code and d.max_status_rank = x.max_status_rank
      and d.lost_from = x.lost_from;
    return null;
end $$;

create function ponte_lead_cohort_change() returns trigger language plpgsql as $$
begin
    update lead_cohort_day d set leads = d.leads - 1
    where d.utc_day = cast(floor(extract(epoch from old.created_at) / 86400) as bigint)
      and d.channel_code = old.channel_code and d.max_status_rank = old.max_status_rank
      and d.lost_from = ponte_lead_cohort_key_lost(old.status, old.lost_from);
    insert into lead_cohort_day as d (utc_day, channel_code, max_status_rank, lost_from, leads)
    values (cast(floor(extract(epoch from new.created_at) / 86400) as bigint), new.channel_code, new.max_status_rank,
            ponte_lead_cohort_key_lost(new.status, new.lost_from), 1)
    on conflict (utc_day, channel_code, max_status_rank, lost_from) do update set leads = d.leads + 1;
    return null;
end $$;

create trigger tg_lead_cohort_insert after insert on lead
    referencing new table as new_rows for each statement execute function ponte_lead_cohort_add();
create trigger tg_lead_cohort_update after update of created_at, channel_code, max_status_rank, status, lost_from
    on lead for each row
    when ((old.created_at, old.channel_code, old.max_status_rank, ponte_lead_cohort_key_lost(old.status, old.lost_from))
          is distinct from
          (new.created_at, new.channel_code, new.max_status_rank, ponte_lead_cohort_key_lost(new.status, new.lost_from)))
    execute function ponte_lead_cohort_change();
create trigger tg_lead_cohort_delete after delete on lead
    referencing old table as old_rows for each statement execute function ponte_lead_cohort_remove();
