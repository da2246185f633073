CREATE TYPE "benchmark_unit" AS ENUM('percent', 'elo', 'score');--> statement-breakpoint
CREATE TYPE "provenance" AS ENUM('INDEPENDENT', 'SELF_REPORTED');--> statement-breakpoint
CREATE TABLE "benchmarks" (
	"id" serial PRIMARY KEY,
	"slug" text NOT NULL UNIQUE,
	"name" text NOT NULL,
	"category_id" integer NOT NULL,
	"unit" "benchmark_unit" NOT NULL,
	"higher_is_better" boolean DEFAULT true NOT NULL,
	"scale_min" double precision NOT NULL,
	"scale_max" double precision NOT NULL,
	"weight" double precision DEFAULT 1 NOT NULL,
	"url" text,
	CONSTRAINT "benchmarks_scale_ordered" CHECK ("scale_max" > "scale_min"),
	CONSTRAINT "benchmarks_weight_non_negative" CHECK ("weight" >= 0)
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" serial PRIMARY KEY,
	"slug" text NOT NULL UNIQUE,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"weight" double precision DEFAULT 5 NOT NULL,
	CONSTRAINT "categories_weight_non_negative" CHECK ("weight" >= 0)
);
--> statement-breakpoint
CREATE TABLE "families" (
	"id" serial PRIMARY KEY,
	"slug" text NOT NULL UNIQUE,
	"name" text NOT NULL,
	"provider_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" serial PRIMARY KEY,
	"slug" text NOT NULL UNIQUE,
	"name" text NOT NULL,
	"website" text
);
--> statement-breakpoint
CREATE TABLE "model_prices" (
	"id" serial PRIMARY KEY,
	"model_id" integer NOT NULL,
	"effective_from" date NOT NULL,
	"input_price" double precision NOT NULL,
	"output_price" double precision NOT NULL,
	"cached_input_price" double precision,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "model_prices_model_id_effective_from_unique" UNIQUE("model_id","effective_from"),
	CONSTRAINT "model_prices_input_non_negative" CHECK ("input_price" >= 0),
	CONSTRAINT "model_prices_output_non_negative" CHECK ("output_price" >= 0),
	CONSTRAINT "model_prices_cached_non_negative" CHECK ("cached_input_price" is null or "cached_input_price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "models" (
	"id" serial PRIMARY KEY,
	"slug" text NOT NULL UNIQUE,
	"name" text NOT NULL,
	"provider_id" integer NOT NULL,
	"family_id" integer,
	"release_date" date,
	"context_window" integer NOT NULL,
	"max_output_tokens" integer,
	"output_tokens_per_second" double precision,
	"time_to_first_token_seconds" double precision,
	"open_weights" boolean DEFAULT false NOT NULL,
	"parameters_billions" double precision,
	CONSTRAINT "models_context_window_positive" CHECK ("context_window" > 0),
	CONSTRAINT "models_max_output_positive" CHECK ("max_output_tokens" is null or "max_output_tokens" > 0),
	CONSTRAINT "models_speed_positive" CHECK ("output_tokens_per_second" is null or "output_tokens_per_second" > 0),
	CONSTRAINT "models_ttft_non_negative" CHECK ("time_to_first_token_seconds" is null or "time_to_first_token_seconds" >= 0),
	CONSTRAINT "models_parameters_positive" CHECK ("parameters_billions" is null or "parameters_billions" > 0)
);
--> statement-breakpoint
CREATE TABLE "scores" (
	"id" serial PRIMARY KEY,
	"model_id" integer NOT NULL,
	"benchmark_id" integer NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"provenance" "provenance" NOT NULL,
	"measured_on" date,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"retracted_at" timestamp with time zone,
	"retraction_reason" text
);
--> statement-breakpoint
CREATE INDEX "benchmarks_category_id_index" ON "benchmarks" ("category_id");--> statement-breakpoint
CREATE INDEX "families_provider_id_index" ON "families" ("provider_id");--> statement-breakpoint
CREATE INDEX "models_provider_id_index" ON "models" ("provider_id");--> statement-breakpoint
CREATE INDEX "models_family_id_index" ON "models" ("family_id");--> statement-breakpoint
CREATE INDEX "models_release_date_index" ON "models" ("release_date");--> statement-breakpoint
CREATE UNIQUE INDEX "scores_current_key" ON "scores" ("model_id","benchmark_id","source","provenance",coalesce("measured_on", '0001-01-01'::date)) WHERE "superseded_at" is null;--> statement-breakpoint
CREATE INDEX "scores_model_current" ON "scores" ("model_id","benchmark_id") WHERE "superseded_at" is null and "retracted_at" is null;--> statement-breakpoint
CREATE INDEX "scores_benchmark_current" ON "scores" ("benchmark_id") WHERE "superseded_at" is null and "retracted_at" is null;--> statement-breakpoint
ALTER TABLE "benchmarks" ADD CONSTRAINT "benchmarks_category_id_categories_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT;--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_provider_id_providers_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT;--> statement-breakpoint
ALTER TABLE "model_prices" ADD CONSTRAINT "model_prices_model_id_models_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "models" ADD CONSTRAINT "models_provider_id_providers_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT;--> statement-breakpoint
ALTER TABLE "models" ADD CONSTRAINT "models_family_id_families_id_fkey" FOREIGN KEY ("family_id") REFERENCES "families"("id") ON DELETE RESTRICT;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_model_id_models_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_benchmark_id_benchmarks_id_fkey" FOREIGN KEY ("benchmark_id") REFERENCES "benchmarks"("id") ON DELETE RESTRICT;