ALTER TABLE `mail_outbox` ADD `next_attempt_at` text;--> statement-breakpoint
CREATE INDEX `mail_outbox_pending_idx` ON `mail_outbox` (`sent_at`,`id`);