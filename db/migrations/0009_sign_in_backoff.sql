CREATE TABLE `sign_in_addresses` (
	`user_id` text NOT NULL,
	`address` text NOT NULL,
	`last_seen_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `address`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `login_attempts` ADD `next_attempt_at` text;