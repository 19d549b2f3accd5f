-- lead.revenue and handoff.lead_won are no longer written by triggers across the feature boundaries (decision 048):
-- the lead feature keeps lead.revenue (the sum of a lead's purchases) itself, told by the purchase feature's write
-- path (LeadRevenueService), and the handoff rollups read whether a handoff's lead has reached WON from the lead
-- (SourceRows.wonLead); V44.1 drops handoff.lead_won. The values stay: the triggers kept them exactly up to here.
drop trigger tg_lead_revenue_insert on purchase;
drop trigger tg_lead_revenue_update on purchase;
drop function ponte_lead_revenue();
drop trigger tg_handoff_lead_won on handoff;
drop function ponte_handoff_lead_won();
drop trigger tg_lead_won_handoffs on lead;
drop function ponte_lead_won_handoffs();
