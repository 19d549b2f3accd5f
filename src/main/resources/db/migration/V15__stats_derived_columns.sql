-- The statistics at a million leads (issue 8 benchmark, decision 015): values the statistics used
-- to work out per query from the history are kept on write, with indexes that answer the queries
-- from the index alone.
--
-- lead.first_won_at: when the lead first changed into WON (null until then). Set once by the lead
-- entity on the first move into WON, live or imported. Time to customer, the customers of a
-- channel and the won per volume bucket read it instead of the "first change into WON" probe of
-- lead_status_change (a NOT EXISTS per WON change).
-- lead.last_activity_at: the later of status_changed_at and last_interaction_at (the lead's last
-- activity for "stalled"), kept by the entity and by the interactions' summary update.
alter table lead add column first_won_at timestamp(6) with time zone;
alter table lead add column last_activity_at timestamp(6) with time zone;
update lead set
    first_won_at = case when max_status_rank = 4 then (select min(c.changed_at) from lead_status_change c
        where c.lead_id = lead.id and c.to_status = 'WON') end,
    last_activity_at = case when last_interaction_at > status_changed_at then last_interaction_at
        else status_changed_at end;
alter table lead alter column last_activity_at set not null;

-- lead_status_change.lead_created_at: the creation instant of the change's lead (never changes),
-- so a cohort's closed intervals (stage durations) are one index range, not a join with lead.
alter table lead_status_change add column lead_created_at timestamp(6) with time zone;
update lead_status_change set lead_created_at = (select l.created_at from lead l
    where l.id = lead_status_change.lead_id);
alter table lead_status_change alter column lead_created_at set not null;

-- a cohort's funnel, channels and time to customer from the index alone (first_won_at added)
drop index ix_lead_cohort;
create index ix_lead_cohort on lead (created_at, channel_code, max_status_rank, status, lost_from, first_won_at);
-- customers of a period (channels) and won per volume bucket: a range of first_won_at
create index ix_lead_first_won on lead (first_won_at, channel_code, id);
-- stalled: per open status, the leads by last activity
create index ix_lead_last_activity on lead (status, last_activity_at, id);
-- joins from handoffs and status changes to the lead's reached status and expected value
create index ix_lead_rank_value on lead (id, max_status_rank, expected_value);
-- stage durations: a cohort's closed intervals by the status they closed
create index ix_status_change_cohort on lead_status_change (lead_created_at, from_status, from_duration_seconds,
    lead_id);
-- changes into a status in a period with who made them and from where (marketers' MQLs, reps'
-- won and lost, volume): a superset of ix_status_change_to (to_status, changed_at), which goes
drop index ix_status_change_to;
create index ix_status_change_to on lead_status_change (to_status, changed_at, changed_by_id, from_status, lead_id);
-- reps: a period's held interactions by user and type with their score, from the index alone
create index ix_interaction_stats on interaction (occurred_at, planned, user_id, type, outcome_score);
