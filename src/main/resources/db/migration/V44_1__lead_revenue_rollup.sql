-- After V44 (db/vendor/{h2,postgresql}: the triggers of lead.revenue and handoff.lead_won dropped), decision 048.
-- lead_revenue: the sum of each lead's purchases, a table of the statistics feature (app.ponte.stats.rollup.
-- LeadRevenue), kept from the purchase feature's write path instead of lead.revenue. Its rows are the definition's
-- statement over the purchases (equal to lead.revenue, which the trigger kept exactly up to V44).
create table lead_revenue (
    lead_id bigint         not null,
    revenue numeric(16, 2) not null,
    constraint pk_lead_revenue primary key (lead_id)
);

insert into lead_revenue (lead_id, revenue)
select p.lead_id, sum(p.amount) from purchase p group by p.lead_id;

-- handoff.lead_won (V24): the handoff rollups and the period's edges read the lead's highest status instead
-- (SourceRows.wonLead); nothing reads the column any more. The edges' index has the lead instead, so an edge stays index-only on handoff.
drop index ix_handoff_stats;
alter table handoff drop column lead_won;
create index ix_handoff_stats on handoff (created_at, state, from_user_id, to_user_id, decision_seconds, reason_code,
    lead_id);
