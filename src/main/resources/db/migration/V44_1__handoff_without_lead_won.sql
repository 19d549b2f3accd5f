-- After V44 (db/vendor/{h2,postgresql}: the triggers of lead.revenue and handoff.lead_won dropped), decision 048.
-- handoff.lead_won (V24): the handoff rollups and the period's edges read the lead's highest status instead
-- (SourceRows.wonLead); nothing reads the column any more. On H2 handoff has no trigger left after V44, so the
-- copy H2 makes of the table re-creates none. The edges' index has the lead instead, so an edge stays index-only
-- on handoff. (lead.revenue stays: the lead feature keeps it from the purchase feature's write path.)
drop index ix_handoff_stats;
alter table handoff drop column lead_won;
create index ix_handoff_stats on handoff (created_at, state, from_user_id, to_user_id, decision_seconds, reason_code,
    lead_id);
