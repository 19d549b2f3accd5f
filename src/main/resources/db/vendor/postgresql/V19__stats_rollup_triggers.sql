-- The triggers that keep the day rollups of V18 (decision 017), PostgreSQL. Inserts and deletes are
-- statement-level with transition tables, so an INSERT ... SELECT of many rows updates each day row
-- once; edits are row-level and fire only when a counted column changed.
-- Keys are upserted in key order, so two writers lock them in the same order (no deadlock).
-- (H2 has the same triggers as Java classes: db/vendor/h2/V19.)

create function ponte_interaction_day_add() returns trigger language plpgsql as $$
begin
    insert into interaction_day as d (utc_day, user_id, type, held, scored, score_sum)
    select x.utc_day, x.user_id, x.type, sum(x.held), sum(x.scored), sum(x.score_sum)
    from (select cast(floor(extract(epoch from n.occurred_at) / 86400) as bigint) as utc_day, n.user_id, n.type,
                 1 as held, case when n.outcome_score is null then 0 else 1 end as scored,
                 coalesce(n.outcome_score, 0) as score_sum
          from new_rows n where n.planned = false) x
    group by x.utc_day, x.user_id, x.type
    order by x.utc_day, x.user_id, x.type
    on conflict (utc_day, user_id, type) do update set held = d.held + excluded.held,
        scored = d.scored + excluded.scored, score_sum = d.score_sum + excluded.score_sum;
    return null;
end $$;

create function ponte_interaction_day_remove() returns trigger language plpgsql as $$
begin
    update interaction_day d set held = d.held - x.held, scored = d.scored - x.scored,
        score_sum = d.score_sum - x.score_sum
    from (select cast(floor(extract(epoch from o.occurred_at) / 86400) as bigint) as utc_day, o.user_id, o.type,
                 count(*) as held, count(o.outcome_score) as scored, coalesce(sum(o.outcome_score), 0) as score_sum
          from old_rows o where o.planned = false
          group by 1, 2, 3) x
    where d.utc_day = x.utc_day and d.user_id = x.user_id and d.type = x.type;
    return null;
end $$;

-- an edit of what is counted (row-level, only when one of the counted columns changed): take the
-- old row out, then put the new one in
create function ponte_interaction_day_change() returns trigger language plpgsql as $$
begin
    if not old.planned then
        update interaction_day d set held = d.held - 1,
            scored = d.scored - case when old.outcome_score is null then 0 else 1 end,
            score_sum = d.score_sum - coalesce(old.outcome_score, 0)
        where d.utc_day = cast(floor(extract(epoch from old.occurred_at) / 86400) as bigint)
          and d.user_id = old.user_id and d.type = old.type;
    end if;
    if not new.planned then
        insert into interaction_day as d (utc_day, user_id, type, held, scored, score_sum)
        values (cast(floor(extract(epoch from new.occurred_at) / 86400) as bigint), new.user_id, new.type, 1,
                case when new.outcome_score is null then 0 else 1 end, coalesce(new.outcome_score, 0))
        on conflict (utc_day, user_id, type) do update set held = d.held + excluded.held,
            scored = d.scored + excluded.scored, score_sum = d.score_sum + excluded.score_sum;
    end if;
    return null;
end $$;

create trigger tg_interaction_day_insert after insert on interaction
    referencing new table as new_rows for each statement execute function ponte_interaction_day_add();
create trigger tg_interaction_day_update after update on interaction for each row
    when ((old.occurred_at, old.user_id, old.type, old.planned, old.outcome_score)
          is distinct from (new.occurred_at, new.user_id, new.type, new.planned, new.outcome_score))
    execute function ponte_interaction_day_change();
create trigger tg_interaction_day_delete after delete on interaction
    referencing old table as old_rows for each statement execute function ponte_interaction_day_remove();

-- Status changes are written once and never edited or deleted; a change into WON counts its lead's
-- expected value (kept current by the lead trigger below).
create function ponte_status_change_day_add() returns trigger language plpgsql as $$
begin
    insert into status_change_day as d (utc_day, changed_by_id, from_status, to_status, changes, won_value)
    select x.utc_day, x.changed_by_id, x.from_status, x.to_status, count(*), sum(x.won_value)
    from (select cast(floor(extract(epoch from n.changed_at) / 86400) as bigint) as utc_day, n.changed_by_id,
                 n.from_status, n.to_status,
                 case when n.to_status = 'WON' then coalesce(l.expected_value, 0) else 0 end as won_value
          from new_rows n join lead l on l.id = n.lead_id) x
    group by x.utc_day, x.changed_by_id, x.from_status, x.to_status
    order by x.utc_day, x.changed_by_id, x.from_status, x.to_status
    on conflict (utc_day, changed_by_id, from_status, to_status) do update set changes = d.changes + excluded.changes,
        won_value = d.won_value + excluded.won_value;
    return null;
end $$;

create trigger tg_status_change_day_insert after insert on lead_status_change
    referencing new table as new_rows for each statement execute function ponte_status_change_day_add();

-- A lead's expected value edited (row-level, only then): its changes into WON count the new value.
create function ponte_status_change_day_value() returns trigger language plpgsql as $$
begin
    update status_change_day d set won_value = d.won_value + x.changes
        * (coalesce(new.expected_value, 0) - coalesce(old.expected_value, 0))
    from (select cast(floor(extract(epoch from c.changed_at) / 86400) as bigint) as utc_day, c.changed_by_id,
                 c.from_status, count(*) as changes
          from lead_status_change c where c.lead_id = new.id and c.to_status = 'WON'
          group by 1, 2, 3) x
    where d.utc_day = x.utc_day and d.changed_by_id = x.changed_by_id and d.from_status = x.from_status
      and d.to_status = 'WON';
    return null;
end $$;

create trigger tg_status_change_day_value after update of expected_value on lead for each row
    when (old.expected_value is distinct from new.expected_value)
    execute function ponte_status_change_day_value();
