CREATE TABLE "plan_deadline_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"office" text NOT NULL,
	"kind" text NOT NULL,
	"offset_days" integer NOT NULL,
	"deadline" date NOT NULL,
	"fire_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"fired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_deadline_reminders" ADD CONSTRAINT "plan_deadline_reminders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_deadline_reminders" ADD CONSTRAINT "plan_deadline_reminders_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_deadline_reminders_uq" ON "plan_deadline_reminders" USING btree ("plan_id","office","kind","offset_days");--> statement-breakpoint
CREATE INDEX "plan_deadline_reminders_due_idx" ON "plan_deadline_reminders" USING btree ("state","fire_at");