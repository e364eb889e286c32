DROP INDEX `clients_name_fold_idx`;--> statement-breakpoint
DROP INDEX `clients_deleted_idx`;--> statement-breakpoint
CREATE INDEX `clients_live_name_idx` ON `clients` (`deleted_at`,`name_fold`,`id`);