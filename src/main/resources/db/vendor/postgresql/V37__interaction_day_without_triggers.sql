-- interaction_day is kept by the statistics feature from the interaction write path since decision 034
-- (app.ponte.stats.rollup: InteractionDay, RollupStore), the same Java and SQL on both databases. Its
-- triggers of V19 go; the other rollups keep theirs for now (docs/statistics.md). The rows stay: the
-- triggers kept them right up to this migration, and the feature recomputes keys from the rows.
drop trigger tg_interaction_day_insert on interaction;
drop trigger tg_interaction_day_update on interaction;
drop trigger tg_interaction_day_delete on interaction;
drop function ponte_interaction_day_add();
drop function ponte_interaction_day_remove();
drop function ponte_interaction_day_change();
