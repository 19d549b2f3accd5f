-- Stage durations (decision 015): the cohort's closed intervals are read per status, so the status
-- leads the index. With the status first, the rows come grouped by status straight from the index
-- (no sort of the cohort's ≈ 2.4 million intervals before the per-status medians; measured on the
-- issue 8 data set: the V15 order needed an extra external sort of 62 MB).
drop index ix_status_change_cohort;
create index ix_status_change_cohort on lead_status_change (from_status, lead_created_at, from_duration_seconds,
    lead_id);

-- Time to customer: the cohort's customers only (max_status_rank = 4: a quarter of the cohort on the
-- benchmark data), with the two instants and the channel, instead of the whole cohort's
-- ix_lead_cohort range filtered on first_won_at.
create index ix_lead_customers on lead (max_status_rank, created_at, first_won_at, channel_code);
