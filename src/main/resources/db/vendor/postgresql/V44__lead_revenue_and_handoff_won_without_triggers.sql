-- lead.revenue and handoff.lead_won are no longer written by triggers across the feature boundaries (decision 048):
-- the sum of a lead's purchases is the statistics feature's lead_revenue (V44.1), kept from the purchase feature's
-- PurchasesWritten (app.ponte.stats.rollup: LeadRevenue), and the handoff rollups read whether a handoff's lead
-- has reached WON from the lead itself (SourceRows.wonLead); V44.1 drops handoff.lead_won. lead.revenue stays as a
-- column nobody writes or reads (dropping it would alter lead, decision 048).
drop trigger tg_lead_revenue_insert on purchase;
drop trigger tg_lead_revenue_update on purchase;
drop function ponte_lead_revenue();
drop trigger tg_handoff_lead_won on handoff;
drop function ponte_handoff_lead_won();
drop trigger tg_lead_won_handoffs on lead;
drop function ponte_lead_won_handoffs();
