CREATE TABLE `commission_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`added_by` text NOT NULL,
	`added_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `selection_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commission_members_once_idx` ON `commission_members` (`round_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `conflict_declarations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`claim_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`conflicted` integer NOT NULL,
	`note` text,
	`declared_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `selection_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claim_id`) REFERENCES `compensation_claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conflict_declarations_once_idx` ON `conflict_declarations` (`claim_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `selection_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`claim_id` integer NOT NULL,
	`rank` integer,
	`score_hundredths` integer,
	`sheet_count` integer NOT NULL,
	`outcome` text NOT NULL,
	`requested_kopecks` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `selection_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claim_id`) REFERENCES `compensation_claims`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `selection_results_claim_idx` ON `selection_results` (`claim_id`);--> statement-breakpoint
CREATE INDEX `selection_results_round_idx` ON `selection_results` (`round_id`);--> statement-breakpoint
CREATE TABLE `selection_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`deadline` text NOT NULL,
	`scale_max` integer NOT NULL,
	`criteria` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_at` text,
	`closed_by` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "selection_rounds_scale" CHECK("selection_rounds"."scale_max" BETWEEN 1 AND 100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `selection_rounds_programme_idx` ON `selection_rounds` (`programme_id`);--> statement-breakpoint
CREATE TABLE `selection_scores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`claim_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`criterion` text NOT NULL,
	`score` integer NOT NULL,
	`scored_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `selection_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claim_id`) REFERENCES `compensation_claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "selection_scores_score" CHECK("selection_scores"."score" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `selection_scores_once_idx` ON `selection_scores` (`claim_id`,`user_id`,`criterion`);--> statement-breakpoint
CREATE INDEX `selection_scores_round_idx` ON `selection_scores` (`round_id`);--> statement-breakpoint
ALTER TABLE `programmes` ADD `selection_mode` text DEFAULT 'first_come' NOT NULL;