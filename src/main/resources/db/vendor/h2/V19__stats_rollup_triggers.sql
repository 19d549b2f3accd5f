-- The triggers that keep the day rollups of V18 (decision 017), H2: row-level, in Java
-- (app.ponte.stats.query.H2RollupTrigger). PostgreSQL has them in PL/pgSQL: db/vendor/postgresql/V19.
-- The trigger on lead (expected value) comes with V21: H2 copies a table on ALTER TABLE ... ADD
-- COLUMN, and V20 adds a column to lead; a migration that alters a watched table drops its trigger
-- first and creates it again afterwards.
create trigger tg_interaction_day after insert, update, delete on interaction for each row
    call 'app.ponte.stats.query.H2RollupTrigger';
create trigger tg_status_change_day after insert on lead_status_change for each row
    call 'app.ponte.stats.query.H2RollupTrigger';
