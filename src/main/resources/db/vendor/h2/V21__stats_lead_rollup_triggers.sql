-- Triggers for V18 and V20 on lead and purchase (decision 017), H2: the Java trigger of V19 also
-- watches every write of a lead (lead_day; an edited expected value moves the won value of the
-- lead's changes into WON) and of a purchase (lead.revenue). First the time to customer of a lead as
-- a generated column (PostgreSQL: db/vendor/postgresql/V21), while lead has no trigger yet (H2 copies
-- the table to add a column).
alter table lead add column to_customer_seconds double precision
    generated always as (cast(extract(epoch from first_won_at) - extract(epoch from created_at) as double precision));
drop index ix_lead_customers;
create index ix_lead_customers on lead (max_status_rank, created_at, to_customer_seconds, channel_code);

create trigger tg_lead_rollups after insert, update, delete on lead for each row
    call 'app.ponte.stats.query.H2RollupTrigger';
create trigger tg_lead_revenue after insert, update, delete on purchase for each row
    call 'app.ponte.stats.query.H2RollupTrigger';
