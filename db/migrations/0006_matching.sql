CREATE TABLE `match_corpus` (
	`id` integer PRIMARY KEY NOT NULL,
	`total_terms` integer DEFAULT 0 NOT NULL,
	`distinct_terms` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `match_profiles` (
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`postings` blob,
	`terms` text NOT NULL,
	`documents` text,
	`facts` text NOT NULL,
	`text_length` integer NOT NULL,
	`reference_score` real,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`entity_type`, `entity_id`)
);
--> statement-breakpoint
CREATE TABLE `match_term_stats` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`term` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `match_term_stats_term_idx` ON `match_term_stats` (`term`);--> statement-breakpoint
CREATE TABLE `matches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`lab_id` integer NOT NULL,
	`score` real NOT NULL,
	`components` text NOT NULL,
	`explanation` text NOT NULL,
	`request_rank` integer,
	`lab_rank` integer,
	`company_status` text DEFAULT 'new' NOT NULL,
	`company_dismissed_reason` text,
	`company_dismissed_note` text,
	`lab_status` text DEFAULT 'new' NOT NULL,
	`lab_dismissed_reason` text,
	`lab_dismissed_note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `rd_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lab_id`) REFERENCES `labs`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "matches_company_dismissal" CHECK(("matches"."company_status" = 'dismissed') = ("matches"."company_dismissed_reason" IS NOT NULL)),
	CONSTRAINT "matches_lab_dismissal" CHECK(("matches"."lab_status" = 'dismissed') = ("matches"."lab_dismissed_reason" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `matches_request_lab_unique` ON `matches` (`request_id`,`lab_id`);--> statement-breakpoint
CREATE INDEX `matches_lab_idx` ON `matches` (`lab_id`,`score`);--> statement-breakpoint
CREATE INDEX `matches_request_idx` ON `matches` (`request_id`,`score`);