-- Channel names per language (decision 023): `name` stays the English name, `name_it` is the
-- Italian one; empty (null) means "the same as the English name", so a channel an admin adds
-- without a translation still shows a name on Italian screens. The code stays the key.
alter table channel add column name_it varchar(80);

-- the seeded channels, where the English name is still the seeded one (a channel an admin renamed
-- keeps showing the admin's name until they give an Italian one)
update channel set name_it = 'Sito web' where code = 'WEBSITE' and name = 'Website';
update channel set name_it = 'Blog' where code = 'BLOG' and name = 'Blog';
update channel set name_it = 'Social media' where code = 'SOCIAL' and name = 'Social media';
update channel set name_it = 'Influencer' where code = 'INFLUENCER' and name = 'Influencers';
update channel set name_it = 'Ricerca organica (SEO)' where code = 'SEO' and name = 'Search (SEO)';
update channel set name_it = 'Pubblicità' where code = 'ADVERTISING' and name = 'Advertising';
update channel set name_it = 'Passaparola' where code = 'WORD_OF_MOUTH' and name = 'Word of mouth';
update channel set name_it = 'Rete vendita' where code = 'SALES_NETWORK' and name = 'Sales network';
update channel set name_it = 'Fiere' where code = 'TRADE_FAIR' and name = 'Trade fairs';
update channel set name_it = 'Eventi' where code = 'EVENT' and name = 'Events';
update channel set name_it = 'Radio' where code = 'RADIO' and name = 'Radio';
update channel set name_it = 'TV' where code = 'TV' and name = 'TV';
update channel set name_it = 'Marketing diretto' where code = 'DIRECT_MARKETING' and name = 'Direct marketing';
update channel set name_it = 'Negozi propri' where code = 'OWN_STORE' and name = 'Own stores';
update channel set name_it = 'Porta a porta' where code = 'DOOR_TO_DOOR' and name = 'Door to door';
