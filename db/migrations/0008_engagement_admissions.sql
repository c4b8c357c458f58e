CREATE TABLE `engagement_admissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`engagement_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`accepted_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `engagement_admissions_unique` ON `engagement_admissions` (`engagement_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `engagement_admissions_user_idx` ON `engagement_admissions` (`user_id`);--> statement-breakpoint
-- Who accepted before admission became personal keeps it: the one recorded acceptance per engagement.
INSERT INTO `engagement_admissions` (`engagement_id`, `user_id`, `accepted_at`) SELECT `id`, `terms_accepted_by`, `terms_accepted_at` FROM `engagements` WHERE `terms_accepted_by` IS NOT NULL AND `terms_accepted_at` IS NOT NULL;
