-- The agenda's index: a user's open next steps in the agenda's order, the next step itself last.
-- ix_interaction_agenda (user_id, next_step_done_at, next_step_due) cannot tell an open next step
-- from an interaction that has none: both have next_step_done_at null, and most interactions have
-- no next step. With 5,000,000 interactions one user's "done_at is null" range held 17,554 rows of
-- which 450 were open steps, each read from the table to check next_step (PostgreSQL: 17,744
-- buffers read, 307 ms). Here "next_step is not null" is checked on the index entries, only the open
-- steps are read from the table, and (next_step_due, id) is the agenda's order (ascending, nulls
-- last on PostgreSQL), so the agenda walks the index up to its limit with no sort. Its first three
-- columns are the old index, which serves nothing the new one does not: it goes.
create index ix_interaction_open_steps on interaction (user_id, next_step_done_at, next_step_due, id, next_step);
drop index ix_interaction_agenda;
