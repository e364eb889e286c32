CREATE TABLE `analytics_snapshot` (
	`id` text PRIMARY KEY NOT NULL,
	`format` integer NOT NULL,
	`change_rowid` integer NOT NULL,
	`change_id` text,
	`client_ids` text NOT NULL,
	`data` blob NOT NULL,
	`updated_at` text NOT NULL
);
