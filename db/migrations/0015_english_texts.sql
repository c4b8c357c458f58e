ALTER TABLE `rd_requests` ADD `title_en` text;--> statement-breakpoint
ALTER TABLE `rd_requests` ADD `summary_en` text;--> statement-breakpoint
ALTER TABLE `labs` ADD `name_en` text;--> statement-breakpoint
ALTER TABLE `labs` ADD `description_en` text;