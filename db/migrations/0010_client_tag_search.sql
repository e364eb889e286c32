ALTER TABLE `clients` ADD `tags_fold` text DEFAULT '' NOT NULL;
--> statement-breakpoint
-- The clients' tags, indexed apart from the rest of their text (`client_search`): one row per
-- client with tags, rowid = clients.seq, the same tokenizer. A tag added to 100,000 clients
-- rewrites these short rows only, not the rows holding the clients' comments. Filled (and
-- `tags_fold` derived) on the next open, as the search index version changed.
CREATE VIRTUAL TABLE `client_tag_search` USING fts5(tags, tokenize = 'trigram remove_diacritics 1', content = '', contentless_delete = 1);
