-- The header search (LeadQuery.search) and the lead list's text filter match
--   lower(name), lower(company), email_key and the phone's digits
-- with LIKE 'term%' and LIKE '%term%'. A B-tree serves only the first; a trigram GIN index
-- (pg_trgm) serves both. pg_trgm is a "trusted" extension since PostgreSQL 13: the owner of the
-- database (any role with CREATE on it) may create it without being a superuser. Where even that
-- is refused (insufficient privilege) or the contrib package is missing (undefined file), the
-- search falls back to B-tree indexes with text_pattern_ops: prefix matches stay indexed, a
-- "contains" match reads the table (docs/benchmarks.md, "Global search").
-- The phone expression must stay textually the same as LeadQuery.PHONE_DIGITS.
do $$
begin
    begin
        create extension if not exists pg_trgm;
    exception
        when insufficient_privilege or undefined_file or feature_not_supported then
            raise notice 'pg_trgm cannot be created here (%): lead search uses prefix indexes', sqlerrm;
    end;
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index ix_lead_search_name on lead using gin (lower(name) gin_trgm_ops);
        create index ix_lead_search_company on lead using gin (lower(company) gin_trgm_ops);
        create index ix_lead_search_email on lead using gin (email_key gin_trgm_ops);
        create index ix_lead_search_phone on lead using gin ((replace(replace(replace(replace(replace(replace(
            replace(phone, ' ', ''), '-', ''), '.', ''), '/', ''), '(', ''), ')', ''), '+', '')) gin_trgm_ops);
    else
        create index ix_lead_search_name on lead (lower(name) text_pattern_ops);
        create index ix_lead_search_company on lead (lower(company) text_pattern_ops);
        create index ix_lead_search_email on lead (email_key text_pattern_ops);
        create index ix_lead_search_phone on lead ((replace(replace(replace(replace(replace(replace(
            replace(phone, ' ', ''), '-', ''), '.', ''), '/', ''), '(', ''), ')', ''), '+', '')) text_pattern_ops);
    end if;
end
$$;
