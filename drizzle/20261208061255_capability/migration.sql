CREATE TABLE "capability_estimates" (
	"lane" "lane",
	"model_id" integer,
	"theta" double precision NOT NULL,
	"theta_hundredths" integer NOT NULL,
	"standard_error" double precision NOT NULL,
	"lower" double precision NOT NULL,
	"upper" double precision NOT NULL,
	"scores" integer NOT NULL,
	"rank" integer,
	"best_rank" integer,
	"worst_rank" integer,
	CONSTRAINT "capability_estimates_pkey" PRIMARY KEY("lane","model_id")
);
--> statement-breakpoint
CREATE TABLE "capability_fits" (
	"lane" "lane" PRIMARY KEY,
	"methodology_version" text NOT NULL,
	"fitted_at" timestamp with time zone NOT NULL,
	"watermark" text NOT NULL,
	"scores_changed_at" timestamp with time zone,
	"residual_variance" double precision NOT NULL,
	"models" integer NOT NULL,
	"ranked_models" integer NOT NULL,
	"scores_used" integer NOT NULL,
	"rounds" integer NOT NULL,
	"converged" boolean NOT NULL,
	"objective" double precision NOT NULL,
	"duration_ms" double precision NOT NULL,
	"benchmarks" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "capability_estimates_ranked_order" ON "capability_estimates" ("lane","theta_hundredths" DESC NULLS LAST) WHERE "rank" is not null;--> statement-breakpoint
ALTER TABLE "capability_estimates" ADD CONSTRAINT "capability_estimates_model_id_models_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE;