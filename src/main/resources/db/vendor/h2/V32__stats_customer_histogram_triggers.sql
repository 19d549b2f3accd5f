-- The trigger that keeps customer_block of V31 (decision 020), H2: row-level, in Java
-- (app.ponte.stats.query.H2RollupTrigger, told apart by name). PostgreSQL: db/vendor/postgresql/V32.
create trigger tg_customer_block after insert, update, delete on lead for each row
    call 'app.ponte.stats.query.H2RollupTrigger';
