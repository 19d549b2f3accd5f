-- The agenda at scale (issue 5 benchmark): "a user's open next steps" as one column.
-- open_step_user_id = user_id while the interaction has a next step not yet done, else null
-- (kept by the interaction entity on every write). One user's open steps are then one equality
-- on one column, which PostgreSQL estimates well from its statistics (about 500 rows per user with
-- 5,000,000 interactions, where the estimate through user_id + next_step_done_at was 5,850 and led
-- to a parallel plan that cost 100+ ms to start), and the index below is walked in the agenda's
-- order (due date, nulls last, then id) up to its limit. It replaces V9's open-steps index.
alter table interaction add column open_step_user_id bigint;
update interaction set open_step_user_id = user_id where next_step is not null and next_step_done_at is null;
create index ix_interaction_open_step_user on interaction (open_step_user_id, next_step_due, id);
drop index ix_interaction_open_steps;
