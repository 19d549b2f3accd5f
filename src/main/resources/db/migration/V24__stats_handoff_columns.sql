-- Handoff figures without a probe per handoff (decision 017). Marketers' handoffsWon joined each of
-- the year's 152,593 handoffs with its lead's max status (115 ms of index probes on the issue 8 data
-- set). handoff.lead_won says whether the handoff's lead has reached WON; the triggers of V25 set it
-- when the handoff is written and when its lead first reaches WON (a lead's max status never falls).
-- (V22 and V23 are the stage-duration histogram's.)
alter table handoff add column lead_won boolean default false not null;

update handoff set lead_won = true where lead_id in (select l.id from lead l where l.max_status_rank = 4);
