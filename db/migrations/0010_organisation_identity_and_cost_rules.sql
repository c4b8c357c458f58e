CREATE TABLE `claim_costs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`category` text NOT NULL,
	`description` text NOT NULL,
	`incurred_on` text NOT NULL,
	`amount_kopecks` integer NOT NULL,
	`vat_kopecks` integer DEFAULT 0 NOT NULL,
	`document_id` integer,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`removed_at` text,
	FOREIGN KEY (`claim_id`) REFERENCES `compensation_claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claim_costs_amounts" CHECK("claim_costs"."amount_kopecks" > 0 AND "claim_costs"."vat_kopecks" >= 0 AND "claim_costs"."vat_kopecks" < "claim_costs"."amount_kopecks")
);
--> statement-breakpoint
CREATE INDEX `claim_costs_claim_idx` ON `claim_costs` (`claim_id`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `identity_changed_at` text;--> statement-breakpoint
ALTER TABLE `programmes` ADD `vat_base` text DEFAULT 'with_vat' NOT NULL;--> statement-breakpoint
ALTER TABLE `programmes` ADD `cost_categories` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `programmes` ADD `cost_window` text;