-- customer_block (customers per 16-day block of creation, channel and duration bucket of the time to customer,
-- V31) is kept by the statistics feature from the lead write path since decision 047 (app.ponte.stats.rollup:
-- CustomerBlock, CustomerBlockKeeper, RollupStore), the same Java and SQL on both databases. tg_customer_block
-- (V32) did only that: it goes, and no other trigger is re-created (lead is not altered here, so
-- tg_lead_won_handoffs and the stage-interval and status-change-channel triggers stay as they are).
-- H2RollupTrigger keeps its customer branch as it was, since V32 still creates and fires that trigger on a new
-- database. The rows stay: the trigger kept them exactly up to this migration, and CustomerBlock's statement is
-- V31's backfill, so no rebuild is needed.
drop trigger tg_customer_block;
