-- lead.revenue and handoff.lead_won are no longer written by triggers across the feature boundaries (decision 048):
-- the sum of a lead's purchases is the statistics feature's lead_revenue (V44.1), kept from the purchase feature's
-- PurchasesWritten (app.ponte.stats.rollup: LeadRevenue), and the handoff rollups read whether a handoff's lead
-- has reached WON from the lead itself (SourceRows.wonLead). tg_lead_revenue (V21), tg_handoff_lead_won (V25) and
-- tg_lead_won_handoffs (V38) did only that: they go. No trigger is re-created: lead is not altered (lead.revenue
-- stays, unwritten, decision 048), and after this handoff has no trigger left, so V44.1 may drop handoff.lead_won
-- (H2 copies the table). H2RollupTrigger keeps its branches, since V21, V25 and V38 still create and fire these
-- triggers on a new database.
drop trigger tg_lead_revenue;
drop trigger tg_handoff_lead_won;
drop trigger tg_lead_won_handoffs;
