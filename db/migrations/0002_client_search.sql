-- Full-text index of clients: one row per client, rowid = clients.seq. The trigram tokenizer
-- matches any substring of 3+ characters (phone digit runs, parts of names), folds case for
-- every alphabet (Cyrillic included) and drops diacritics (ё → е). Contentless: the text lives
-- in the clients, comments and field_values tables; the write path keeps this index current.
CREATE VIRTUAL TABLE `client_search` USING fts5(body, tokenize = 'trigram remove_diacritics 1', content = '', contentless_delete = 1);
--> statement-breakpoint
UPDATE `clients` SET `seq` = r.n FROM (SELECT `id`, row_number() OVER (ORDER BY `created_at`, `id`) AS n FROM `clients`) AS r WHERE `clients`.`id` = r.`id` AND `clients`.`seq` IS NULL;
