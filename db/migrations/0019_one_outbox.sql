CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`processed_at` text
);
--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`topic`,`processed_at`,`id`);--> statement-breakpoint
-- Every row of both old outboxes moves over, pending, processed and dead alike, in its old order.
INSERT INTO `outbox` (`topic`, `payload`, `created_at`, `attempts`, `next_attempt_at`, `last_error`, `processed_at`)
SELECT 'search', json_object('indexName', `index_name`, 'documentId', `document_id`), `created_at`, `attempts`, `next_attempt_at`, `last_error`, `processed_at`
FROM `search_outbox` ORDER BY `id`;--> statement-breakpoint
INSERT INTO `outbox` (`topic`, `payload`, `created_at`, `attempts`, `next_attempt_at`, `last_error`, `processed_at`)
SELECT 'mail', json_object('to', `to`, 'subject', `subject`, 'text', `text`), `created_at`, `attempts`, `next_attempt_at`, `last_error`, `sent_at`
FROM `mail_outbox` ORDER BY `id`;--> statement-breakpoint
DROP TABLE `mail_outbox`;--> statement-breakpoint
DROP TABLE `search_outbox`;