ALTER TABLE "profile_categories" ADD COLUMN "rank" integer;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "rank" integer;--> statement-breakpoint
UPDATE "profiles" p SET "rank" = r."rank" FROM (SELECT "lane", "model_id", rank() OVER (PARTITION BY "lane" ORDER BY "overall_tenths" DESC) AS "rank" FROM "profiles" WHERE "ranked") r WHERE p."lane" = r."lane" AND p."model_id" = r."model_id";--> statement-breakpoint
UPDATE "profile_categories" c SET "rank" = r."rank" FROM (SELECT "lane", "model_id", "category_id", rank() OVER (PARTITION BY "lane", "category_id" ORDER BY "score_tenths" DESC) AS "rank" FROM "profile_categories" WHERE "eligible") r WHERE c."lane" = r."lane" AND c."model_id" = r."model_id" AND c."category_id" = r."category_id";
