CREATE TABLE `analytics_snapshot` (
	`id` integer PRIMARY KEY NOT NULL,
	`format` integer NOT NULL,
	`change_rowid` integer NOT NULL,
	`change_id` text,
	`client_ids` text NOT NULL,
	`data` blob NOT NULL,
	`made_at` text NOT NULL
);
