CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hash` text NOT NULL,
	`original_name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`uploaded_by` text NOT NULL,
	`organisation_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "documents_size_positive" CHECK("documents"."size" > 0)
);
--> statement-breakpoint
CREATE INDEX `documents_hash_idx` ON `documents` (`hash`);--> statement-breakpoint
CREATE TABLE `acceptance_acts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`stage_number` integer NOT NULL,
	`number` text NOT NULL,
	`signed_on` text NOT NULL,
	`amount_kopecks` integer NOT NULL,
	`document_id` integer,
	`status` text NOT NULL,
	`recorded_by_organisation_id` integer NOT NULL,
	`recorded_by` text NOT NULL,
	`confirmed_at` text,
	`confirmed_by` text,
	`decline_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "acceptance_acts_amount" CHECK("acceptance_acts"."amount_kopecks" > 0)
);
--> statement-breakpoint
CREATE INDEX `acceptance_acts_contract_idx` ON `acceptance_acts` (`contract_id`);--> statement-breakpoint
CREATE TABLE `contract_payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`paid_on` text NOT NULL,
	`amount_kopecks` integer NOT NULL,
	`order_number` text NOT NULL,
	`document_id` integer,
	`status` text NOT NULL,
	`recorded_by_organisation_id` integer NOT NULL,
	`recorded_by` text NOT NULL,
	`confirmed_at` text,
	`confirmed_by` text,
	`decline_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contract_payments_amount" CHECK("contract_payments"."amount_kopecks" > 0)
);
--> statement-breakpoint
CREATE INDEX `contract_payments_contract_idx` ON `contract_payments` (`contract_id`);--> statement-breakpoint
CREATE TABLE `contract_stages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`due_on` text NOT NULL,
	`amount_kopecks` integer NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `contract_versions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contract_stages_amount" CHECK("contract_stages"."amount_kopecks" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contract_stages_number_idx` ON `contract_stages` (`version_id`,`number`);--> statement-breakpoint
CREATE TABLE `contract_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`version` integer NOT NULL,
	`number` text NOT NULL,
	`signed_on` text NOT NULL,
	`subject` text NOT NULL,
	`price_kopecks` integer NOT NULL,
	`vat_mode` text NOT NULL,
	`vat_rate_bp` integer,
	`vat_kopecks` integer NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`document_id` integer,
	`amendment_reason` text,
	`status` text NOT NULL,
	`proposed_by_organisation_id` integer NOT NULL,
	`proposed_by` text NOT NULL,
	`company_confirmed_at` text,
	`company_confirmed_by` text,
	`contractor_confirmed_at` text,
	`contractor_confirmed_by` text,
	`decline_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contractor_confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contract_versions_price" CHECK("contract_versions"."price_kopecks" > 0 AND "contract_versions"."vat_kopecks" >= 0 AND "contract_versions"."vat_kopecks" < "contract_versions"."price_kopecks"),
	CONSTRAINT "contract_versions_term" CHECK("contract_versions"."starts_on" <= "contract_versions"."ends_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contract_versions_number_idx` ON `contract_versions` (`contract_id`,`version`);--> statement-breakpoint
CREATE TABLE `contracts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`contractor_id` integer NOT NULL,
	`engagement_id` integer,
	`status` text NOT NULL,
	`confirmed_version_id` integer,
	`pending_version_id` integer,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contractor_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contracts_two_parties" CHECK("contracts"."company_id" <> "contracts"."contractor_id")
);
--> statement-breakpoint
CREATE INDEX `contracts_company_idx` ON `contracts` (`company_id`,`id`);--> statement-breakpoint
CREATE INDEX `contracts_contractor_idx` ON `contracts` (`contractor_id`,`id`);--> statement-breakpoint
CREATE TABLE `claim_payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`payment_id` integer NOT NULL,
	`released_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `compensation_claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `contract_payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claim_payments_once_idx` ON `claim_payments` (`payment_id`) WHERE released_at IS NULL;--> statement-breakpoint
CREATE INDEX `claim_payments_claim_idx` ON `claim_payments` (`claim_id`);--> statement-breakpoint
CREATE TABLE `compensation_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`company_id` integer NOT NULL,
	`contract_id` integer NOT NULL,
	`status` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`requested_kopecks` integer,
	`computation` text,
	`approved_kopecks` integer,
	`decision_reason` text,
	`decided_at` text,
	`decided_by` text,
	`submitted_at` text,
	`paid_on` text,
	`payment_order_number` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claims_amounts" CHECK(("compensation_claims"."requested_kopecks" IS NULL OR "compensation_claims"."requested_kopecks" >= 0) AND ("compensation_claims"."approved_kopecks" IS NULL OR "compensation_claims"."approved_kopecks" > 0))
);
--> statement-breakpoint
CREATE INDEX `claims_programme_status_idx` ON `compensation_claims` (`programme_id`,`status`);--> statement-breakpoint
CREATE INDEX `claims_company_idx` ON `compensation_claims` (`company_id`,`id`);--> statement-breakpoint
CREATE INDEX `claims_status_idx` ON `compensation_claims` (`status`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `programmes` (
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
	CONSTRAINT "programmes_budget" CHECK("programmes"."total_budget_kopecks" > 0 AND "programmes"."reserved_kopecks" >= 0 AND "programmes"."paid_kopecks" >= 0 AND "programmes"."reserved_kopecks" + "programmes"."paid_kopecks" <= "programmes"."total_budget_kopecks"),
	CONSTRAINT "programmes_share" CHECK("programmes"."share_bp" > 0 AND "programmes"."share_bp" <= 10000),
	CONSTRAINT "programmes_caps" CHECK("programmes"."cap_per_claim_kopecks" > 0 AND "programmes"."cap_per_company_kopecks" > 0),
	CONSTRAINT "programmes_periods" CHECK("programmes"."contracts_from" <= "programmes"."contracts_to" AND "programmes"."payments_from" <= "programmes"."payments_to" AND "programmes"."opens_on" <= "programmes"."closes_on")
);
