CREATE TYPE "lane" AS ENUM('PROVISIONAL', 'VERIFIED');--> statement-breakpoint
CREATE TABLE "profile_categories" (
	"lane" "lane",
	"model_id" integer,
	"category_id" integer,
	"score" double precision NOT NULL,
	"score_tenths" integer NOT NULL,
	"eligible" boolean NOT NULL,
	CONSTRAINT "profile_categories_pkey" PRIMARY KEY("lane","model_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"lane" "lane",
	"model_id" integer,
	"overall" double precision,
	"overall_tenths" integer,
	"meets_threshold" boolean NOT NULL,
	"ranked" boolean NOT NULL,
	"benchmark_count" integer NOT NULL,
	"category_count" integer NOT NULL,
	CONSTRAINT "profiles_pkey" PRIMARY KEY("lane","model_id")
);
--> statement-breakpoint
CREATE INDEX "profile_categories_eligible_order" ON "profile_categories" ("lane","category_id","score_tenths" DESC NULLS LAST) WHERE "eligible";--> statement-breakpoint
CREATE INDEX "profiles_ranked_order" ON "profiles" ("lane","overall_tenths" DESC NULLS LAST) WHERE "ranked";--> statement-breakpoint
ALTER TABLE "profile_categories" ADD CONSTRAINT "profile_categories_model_id_models_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "profile_categories" ADD CONSTRAINT "profile_categories_category_id_categories_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_model_id_models_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE;