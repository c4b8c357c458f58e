ALTER TABLE `support_measures` ADD `co_financing_base` text DEFAULT 'project' NOT NULL;--> statement-breakpoint
ALTER TABLE `support_measures` ADD `max_years` integer;--> statement-breakpoint
ALTER TABLE `support_measures` ADD `contractor_types` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `support_measures` ADD `stacking` text;--> statement-breakpoint
ALTER TABLE `support_measures` ADD `source_url` text;--> statement-breakpoint
ALTER TABLE `support_measures` ADD `source_title` text;--> statement-breakpoint
ALTER TABLE `support_measures` ADD `source_checked_on` text;