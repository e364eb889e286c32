ALTER TABLE `clients` ADD `seq` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `clients_seq_unique` ON `clients` (`seq`);