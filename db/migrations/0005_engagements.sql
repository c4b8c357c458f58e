CREATE TABLE `engagement_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`engagement_id` integer NOT NULL,
	`author_user_id` text NOT NULL,
	`author_organisation_id` integer NOT NULL,
	`body` text NOT NULL,
	`document_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `engagement_messages_engagement_idx` ON `engagement_messages` (`engagement_id`,`id`);--> statement-breakpoint
CREATE TABLE `engagement_reads` (
	`engagement_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`last_read_message_id` integer NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `engagement_reads_unique` ON `engagement_reads` (`engagement_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `engagements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`lab_id` integer NOT NULL,
	`company_organisation_id` integer NOT NULL,
	`lab_organisation_id` integer NOT NULL,
	`initiated_by` text NOT NULL,
	`stage` text NOT NULL,
	`approach` text,
	`timeline` text,
	`price_estimate` integer,
	`invitation_note` text,
	`admission_offered_at` text,
	`admission_offered_by` text,
	`terms_accepted_at` text,
	`terms_accepted_by` text,
	`company_agreed_at` text,
	`lab_agreed_at` text,
	`declined_by` text,
	`decline_reason` text,
	`decline_note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `rd_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lab_id`) REFERENCES `labs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lab_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`admission_offered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`terms_accepted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `engagements_request_lab_unique` ON `engagements` (`request_id`,`lab_id`);--> statement-breakpoint
CREATE INDEX `engagements_company_idx` ON `engagements` (`company_organisation_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `engagements_lab_org_idx` ON `engagements` (`lab_organisation_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `saved_searches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`query` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`checked_until` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `saved_searches_user_idx` ON `saved_searches` (`user_id`);