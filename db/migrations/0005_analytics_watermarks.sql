ALTER TABLE `nps_answers` ADD `deleted_at` text;--> statement-breakpoint
CREATE INDEX `clients_updated_idx` ON `clients` (`updated_at`);--> statement-breakpoint
CREATE INDEX `sales_updated_idx` ON `sales` (`updated_at`);