ALTER TABLE `clients` ADD `phone_key` text;--> statement-breakpoint
ALTER TABLE `clients` ADD `phone2_key` text;--> statement-breakpoint
CREATE INDEX `clients_phone_key_idx` ON `clients` (`phone_key`) WHERE "clients"."phone_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `clients_phone2_key_idx` ON `clients` (`phone2_key`) WHERE "clients"."phone2_key" IS NOT NULL;--> statement-breakpoint
-- The phones of existing clients in their normalised form. kphone() is kernel/phones.ts's
-- phoneKey, registered on every connection by db/workbook.ts before migrations run.
UPDATE `clients` SET `phone_key` = kphone(`phone`), `phone2_key` = kphone(`phone2`);
