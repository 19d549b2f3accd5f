-- customer_block (customers per 16-day block of creation, channel and duration bucket of the time to customer,
-- V31) is kept by the statistics feature from the lead write path since decision 047 (app.ponte.stats.rollup:
-- CustomerBlock, CustomerBlockKeeper, RollupStore), the same Java and SQL on both databases. Its three triggers
-- and three functions of V32 go; the other rollups and columns on lead keep theirs for now (docs/statistics.md).
-- The rows stay: the triggers kept them exactly up to this migration, and CustomerBlock's statement is V31's
-- backfill, so no rebuild is needed.
drop trigger tg_customer_block_insert on lead;
drop trigger tg_customer_block_update on lead;
drop trigger tg_customer_block_delete on lead;
drop function ponte_customer_block_add();
drop function ponte_customer_block_remove();
drop function ponte_customer_block_change();
