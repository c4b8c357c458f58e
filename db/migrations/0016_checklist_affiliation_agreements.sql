CREATE TABLE `claim_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`kind` text NOT NULL,
	`issued_on` text NOT NULL,
	`document_id` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`removed_at` text,
	FOREIGN KEY (`claim_id`) REFERENCES `compensation_claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `claim_documents_claim_idx` ON `claim_documents` (`claim_id`,`kind`);--> statement-breakpoint
CREATE TABLE `indicator_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'due' NOT NULL,
	`achieved` text,
	`note` text,
	`evidence_document_id` integer,
	`submitted_at` text,
	`submitted_by` text,
	`review_note` text,
	`reviewed_at` text,
	`reviewed_by` text,
	`reminded_on` text,
	`overdue_notice_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `subsidy_agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evidence_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `indicator_reports_agreement_idx` ON `indicator_reports` (`agreement_id`);--> statement-breakpoint
CREATE INDEX `indicator_reports_due_idx` ON `indicator_reports` (`status`,`due_on`);--> statement-breakpoint
CREATE TABLE `programme_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`kind` text NOT NULL,
	`amount_kopecks` integer NOT NULL,
	`claim_id` integer NOT NULL,
	`return_id` integer,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claim_id`) REFERENCES `compensation_claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`return_id`) REFERENCES `subsidy_returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "programme_ledger_amount" CHECK("programme_ledger"."amount_kopecks" > 0)
);
--> statement-breakpoint
CREATE INDEX `programme_ledger_programme_idx` ON `programme_ledger` (`programme_id`,`id`);--> statement-breakpoint
CREATE TABLE `result_indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`target_value` integer NOT NULL,
	`due_on` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `subsidy_agreements`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "result_indicators_target" CHECK("result_indicators"."target_value" > 0)
);
--> statement-breakpoint
CREATE INDEX `result_indicators_agreement_idx` ON `result_indicators` (`agreement_id`);--> statement-breakpoint
CREATE TABLE `subsidy_agreements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`number` text NOT NULL,
	`signed_on` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `compensation_claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subsidy_agreements_claim_id_unique` ON `subsidy_agreements` (`claim_id`);--> statement-breakpoint
CREATE TABLE `subsidy_returns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`report_id` integer NOT NULL,
	`amount_kopecks` integer NOT NULL,
	`computation` text NOT NULL,
	`status` text DEFAULT 'demanded' NOT NULL,
	`returned_on` text,
	`order_number` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `compensation_claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`report_id`) REFERENCES `indicator_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "subsidy_returns_amount" CHECK("subsidy_returns"."amount_kopecks" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subsidy_returns_report_idx` ON `subsidy_returns` (`report_id`);--> statement-breakpoint
CREATE INDEX `subsidy_returns_claim_idx` ON `subsidy_returns` (`claim_id`);--> statement-breakpoint
ALTER TABLE `compensation_claims` ADD `affiliation_declared_at` text;--> statement-breakpoint
ALTER TABLE `compensation_claims` ADD `affiliation_declared_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `compensation_claims` ADD `affiliation_check` text;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_programmes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`total_budget_kopecks` integer NOT NULL,
	`reserved_kopecks` integer DEFAULT 0 NOT NULL,
	`paid_kopecks` integer DEFAULT 0 NOT NULL,
	`share_bp` integer NOT NULL,
	`cap_per_claim_kopecks` integer NOT NULL,
	`cap_per_company_kopecks` integer NOT NULL,
	`eligible_contractor_kinds` text NOT NULL,
	`required_documents` text NOT NULL,
	`document_max_age_days` text DEFAULT '{}' NOT NULL,
	`return_formula` text DEFAULT 'shortfall_sum' NOT NULL,
	`returned_kopecks` integer DEFAULT 0 NOT NULL,
	`vat_base` text DEFAULT 'with_vat' NOT NULL,
	`cost_categories` text DEFAULT '[]' NOT NULL,
	`cost_window` text,
	`contracts_from` text NOT NULL,
	`contracts_to` text NOT NULL,
	`payments_from` text NOT NULL,
	`payments_to` text NOT NULL,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "programmes_budget" CHECK("__new_programmes"."total_budget_kopecks" > 0 AND "__new_programmes"."reserved_kopecks" >= 0 AND "__new_programmes"."paid_kopecks" >= 0 AND "__new_programmes"."reserved_kopecks" + "__new_programmes"."paid_kopecks" <= "__new_programmes"."total_budget_kopecks"),
	CONSTRAINT "programmes_returned" CHECK("__new_programmes"."returned_kopecks" >= 0 AND "__new_programmes"."returned_kopecks" <= "__new_programmes"."paid_kopecks"),
	CONSTRAINT "programmes_share" CHECK("__new_programmes"."share_bp" > 0 AND "__new_programmes"."share_bp" <= 10000),
	CONSTRAINT "programmes_caps" CHECK("__new_programmes"."cap_per_claim_kopecks" > 0 AND "__new_programmes"."cap_per_company_kopecks" > 0),
	CONSTRAINT "programmes_periods" CHECK("__new_programmes"."contracts_from" <= "__new_programmes"."contracts_to" AND "__new_programmes"."payments_from" <= "__new_programmes"."payments_to" AND "__new_programmes"."opens_on" <= "__new_programmes"."closes_on")
);
--> statement-breakpoint
INSERT INTO `__new_programmes`("id", "year", "title", "description", "total_budget_kopecks", "reserved_kopecks", "paid_kopecks", "share_bp", "cap_per_claim_kopecks", "cap_per_company_kopecks", "eligible_contractor_kinds", "required_documents", "vat_base", "cost_categories", "cost_window", "contracts_from", "contracts_to", "payments_from", "payments_to", "opens_on", "closes_on", "created_by", "created_at", "updated_at") SELECT "id", "year", "title", "description", "total_budget_kopecks", "reserved_kopecks", "paid_kopecks", "share_bp", "cap_per_claim_kopecks", "cap_per_company_kopecks", "eligible_contractor_kinds", "required_documents", "vat_base", "cost_categories", "cost_window", "contracts_from", "contracts_to", "payments_from", "payments_to", "opens_on", "closes_on", "created_by", "created_at", "updated_at" FROM `programmes`;--> statement-breakpoint
DROP TABLE `programmes`;--> statement-breakpoint
ALTER TABLE `__new_programmes` RENAME TO `programmes`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
-- The ledger starts with the movements that happened before it existed, so that the budget
-- figures reconcile to it from the first day: every approval reserved, every payment paid.
INSERT INTO `programme_ledger` (`programme_id`, `kind`, `amount_kopecks`, `claim_id`, `created_at`)
SELECT `programme_id`, 'reserved', `approved_kopecks`, `id`, coalesce(`decided_at`, `updated_at`) FROM `compensation_claims`
WHERE `status` IN ('approved', 'paid') AND `approved_kopecks` > 0 ORDER BY `id`;
--> statement-breakpoint
INSERT INTO `programme_ledger` (`programme_id`, `kind`, `amount_kopecks`, `claim_id`, `created_at`)
SELECT `programme_id`, 'paid', `approved_kopecks`, `id`, coalesce(`paid_on`, `updated_at`) FROM `compensation_claims`
WHERE `status` = 'paid' AND `approved_kopecks` > 0 ORDER BY `id`;
