DROP INDEX `clients_live_name_idx`;--> statement-breakpoint
CREATE INDEX `clients_live_name_idx` ON `clients` (`deleted_at`,`name_fold`,`id`,`seq`);--> statement-breakpoint
DROP INDEX `sales_client_date_idx`;--> statement-breakpoint
CREATE INDEX `sales_client_date_idx` ON `sales` (`client_id`,`date`,`amount`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `changes_client_stage_idx` ON `changes` (`client_id`,`at`,`id`,`batch_id`,`new_value`) WHERE "changes"."entity" = 'client' AND "changes"."field" = 'stage';--> statement-breakpoint
CREATE INDEX `comments_contact_idx` ON `comments` (`client_id`,`at`,`kind`,`deleted_at`) WHERE "comments"."deleted_at" IS NULL AND "comments"."kind" IN ('call', 'meeting', 'email', 'visit', 'offer');