-- M.A.X.'s own search column (not an EspoCRM attribute): the words of first name, last name, company and e-mail
-- address, lower-case without accents, each preceded by a space (" lea lefevre boutique zen lea lefevre gmail com").
-- A search word w matches a record when search_text LIKE '% w%': the same prefix, case- and accent-insensitive
-- match on H2 and on MariaDB, whatever their collations. Kept up to date by every write and sync path
-- (fr.macrea.max.crm.SearchText); V5 fills it for the records already there.
ALTER TABLE `lead` ADD COLUMN `search_text` varchar(1024) DEFAULT NULL;
ALTER TABLE `contact` ADD COLUMN `search_text` varchar(1024) DEFAULT NULL;
