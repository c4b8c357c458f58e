CREATE TABLE `match_refresh_queue` (
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`priority` integer DEFAULT 0 NOT NULL,
	`announce` integer DEFAULT false NOT NULL,
	`generation` integer DEFAULT 0 NOT NULL,
	`queued_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	PRIMARY KEY(`entity_type`, `entity_id`)
);
--> statement-breakpoint
CREATE INDEX `match_refresh_queue_order_idx` ON `match_refresh_queue` (`priority`,`entity_type`,`queued_at`);