CREATE TABLE `campaign_members` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`client_id` text NOT NULL,
	`group_name` text NOT NULL,
	`status` text NOT NULL,
	`outcome` text,
	`contacted_at` text,
	`marked_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_members_unique` ON `campaign_members` (`campaign_id`,`client_id`);--> statement-breakpoint
CREATE INDEX `campaign_members_client_idx` ON `campaign_members` (`client_id`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`goal` text NOT NULL,
	`action` text NOT NULL,
	`template` text,
	`holdout_pct` integer NOT NULL,
	`seed` text NOT NULL,
	`due_days` integer NOT NULL,
	`filter` text NOT NULL,
	`started_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
