CREATE TABLE `sync_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`winner_hlc` text NOT NULL,
	`loser_hlc` text NOT NULL,
	`detected_at` text NOT NULL,
	`resolved_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_conflicts_pair` ON `sync_conflicts` (`entity`,`row_id`,`field`,`loser_hlc`);--> statement-breakpoint
CREATE INDEX `sync_conflicts_open` ON `sync_conflicts` (`resolved_at`);--> statement-breakpoint
CREATE TABLE `sync_devices` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_log` (
	`n` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hlc` text NOT NULL,
	`device` text NOT NULL,
	`entity` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`value` text,
	`base` text,
	`actor` text,
	`pushed` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_log_change` ON `sync_log` (`hlc`,`entity`,`row_id`,`field`);--> statement-breakpoint
CREATE INDEX `sync_log_row` ON `sync_log` (`entity`,`row_id`,`hlc`);--> statement-breakpoint
CREATE INDEX `sync_log_unpushed` ON `sync_log` (`pushed`) WHERE "sync_log"."pushed" = 0;--> statement-breakpoint
CREATE TABLE `sync_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text
);
--> statement-breakpoint
CREATE TABLE `sync_peers` (
	`device` text PRIMARY KEY NOT NULL,
	`seen` text NOT NULL,
	`at` text NOT NULL
);
