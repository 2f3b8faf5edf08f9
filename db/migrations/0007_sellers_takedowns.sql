ALTER TYPE "public"."alert_kind" ADD VALUE 'seller_applicant_link';--> statement-breakpoint
CREATE TABLE "brand_rights_holders" (
	"brand_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"email" text,
	"phone" text,
	"agent_name" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mark_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"mark_id" uuid NOT NULL,
	"office" text NOT NULL,
	"registration_number" text NOT NULL,
	"jurisdiction" text NOT NULL,
	"registration_date" date,
	"classes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"certificate_url" text
);
--> statement-breakpoint
CREATE TABLE "seller_applicant_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"brand_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"filing_id" uuid NOT NULL,
	"applicant_name" text NOT NULL,
	"score" double precision NOT NULL,
	"matched_on" jsonb NOT NULL,
	"reasons" jsonb NOT NULL,
	"alert_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sellers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"marketplace" text NOT NULL,
	"seller_key" text NOT NULL,
	"platform_seller_id" text,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"shop_url" text,
	"location" text,
	"country" text,
	"rating" double precision,
	"rating_count" integer,
	"listing_count" integer DEFAULT 0 NOT NULL,
	"contact" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"profile_fetched_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "takedown_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"alert_id" uuid NOT NULL,
	"listing_id" uuid NOT NULL,
	"programme" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"fields" jsonb NOT NULL,
	"missing" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"case_reference" text,
	"last_check" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reported_at" timestamp with time zone,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "seller_ref" uuid;--> statement-breakpoint
ALTER TABLE "brand_rights_holders" ADD CONSTRAINT "brand_rights_holders_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_rights_holders" ADD CONSTRAINT "brand_rights_holders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mark_registrations" ADD CONSTRAINT "mark_registrations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mark_registrations" ADD CONSTRAINT "mark_registrations_mark_id_marks_id_fk" FOREIGN KEY ("mark_id") REFERENCES "public"."marks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seller_applicant_links" ADD CONSTRAINT "seller_applicant_links_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seller_applicant_links" ADD CONSTRAINT "seller_applicant_links_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seller_applicant_links" ADD CONSTRAINT "seller_applicant_links_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seller_applicant_links" ADD CONSTRAINT "seller_applicant_links_filing_id_filings_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."filings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "takedown_reports" ADD CONSTRAINT "takedown_reports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "takedown_reports" ADD CONSTRAINT "takedown_reports_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mark_registrations_uq" ON "mark_registrations" USING btree ("mark_id","office","registration_number");--> statement-breakpoint
CREATE UNIQUE INDEX "seller_applicant_links_uq" ON "seller_applicant_links" USING btree ("organization_id","seller_id","filing_id");--> statement-breakpoint
CREATE INDEX "seller_applicant_links_seller_idx" ON "seller_applicant_links" USING btree ("seller_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sellers_marketplace_key_uq" ON "sellers" USING btree ("marketplace","seller_key");--> statement-breakpoint
CREATE INDEX "sellers_name_key_idx" ON "sellers" USING btree ("name_key");--> statement-breakpoint
CREATE UNIQUE INDEX "takedown_reports_alert_programme_uq" ON "takedown_reports" USING btree ("alert_id","programme");--> statement-breakpoint
CREATE INDEX "takedown_reports_org_idx" ON "takedown_reports" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "listings_seller_ref_idx" ON "listings" USING btree ("seller_ref");