CREATE TYPE "key_scope" AS ENUM('write', 'admin');--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" serial PRIMARY KEY,
	"name" text NOT NULL,
	"scope" "key_scope" NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL UNIQUE,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY,
	"key_id" integer,
	"actor" text NOT NULL,
	"operation" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "methodology_versions" (
	"version" serial PRIMARY KEY,
	"min_benchmarks" integer NOT NULL,
	"min_categories" integer NOT NULL,
	"category_weights" jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "api_keys_active" ON "api_keys" ("key_hash") WHERE "revoked_at" is null;--> statement-breakpoint
CREATE INDEX "audit_log_at_id_index" ON "audit_log" ("at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_key_id_api_keys_id_fkey" FOREIGN KEY ("key_id") REFERENCES "api_keys"("id") ON DELETE RESTRICT;