CREATE TABLE `rd_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`created_by` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`problem` text NOT NULL,
	`expected_result` text NOT NULL,
	`confidential_details` text,
	`oecd_field` text NOT NULL,
	`grnti` text,
	`alliance` text,
	`keywords` text NOT NULL,
	`trl_now` integer NOT NULL,
	`trl_wanted` integer NOT NULL,
	`budget_min` integer NOT NULL,
	`budget_max` integer NOT NULL,
	`deadline` text NOT NULL,
	`region` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`published_at` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rd_requests_org_idx` ON `rd_requests` (`organisation_id`,`status`);--> statement-breakpoint
CREATE INDEX `rd_requests_status_idx` ON `rd_requests` (`status`,`published_at`);--> statement-breakpoint
CREATE TABLE `lab_projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lab_id` integer NOT NULL,
	`title` text NOT NULL,
	`year` integer,
	`customer` text,
	`description` text,
	FOREIGN KEY (`lab_id`) REFERENCES `labs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lab_projects_lab_idx` ON `lab_projects` (`lab_id`);--> statement-breakpoint
CREATE TABLE `lab_publications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lab_id` integer NOT NULL,
	`title` text NOT NULL,
	`abstract` text,
	`year` integer,
	`link` text,
	FOREIGN KEY (`lab_id`) REFERENCES `labs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lab_publications_lab_idx` ON `lab_publications` (`lab_id`);--> statement-breakpoint
CREATE TABLE `labs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`oecd_fields` text NOT NULL,
	`grnti` text NOT NULL,
	`alliance` text,
	`keywords` text NOT NULL,
	`equipment` text NOT NULL,
	`services` text NOT NULL,
	`trl_min` integer NOT NULL,
	`trl_max` integer NOT NULL,
	`contact_name` text NOT NULL,
	`contact_email` text NOT NULL,
	`contact_phone` text,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `labs_org_idx` ON `labs` (`organisation_id`);