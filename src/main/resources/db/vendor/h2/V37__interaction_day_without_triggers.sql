-- interaction_day is kept by the statistics feature from the interaction write path since decision 034
-- (app.ponte.stats.rollup: InteractionDay, RollupStore), the same Java and SQL on both databases. Its
-- trigger of V19 goes; H2RollupTrigger keeps its other tables, and its interaction branch stays because
-- V19 still creates tg_interaction_day on a new database before this migration drops it.
drop trigger tg_interaction_day;
