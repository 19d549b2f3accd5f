-- lead.revenue and handoff.lead_won are no longer written by triggers across the feature boundaries (decision 048):
-- the lead feature keeps lead.revenue (the sum of a lead's purchases) itself, told by the purchase feature's write
-- path (LeadRevenueService), and the handoff rollups read whether a handoff's lead has reached WON from the lead
-- (SourceRows.wonLead). tg_lead_revenue (V21), tg_handoff_lead_won (V25) and tg_lead_won_handoffs (V38) did only
-- that: they go. No trigger is re-created: lead is not altered, and after this handoff has no trigger left, so
-- V44.1 may drop handoff.lead_won (H2 copies the table). H2RollupTrigger keeps its branches, since V21, V25 and V38
-- still create and fire these triggers on a new database.
drop trigger tg_lead_revenue;
drop trigger tg_handoff_lead_won;
drop trigger tg_lead_won_handoffs;
