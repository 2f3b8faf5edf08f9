CREATE TABLE "register_word_counts" (
	"key" text PRIMARY KEY NOT NULL,
	"filings" integer NOT NULL
);
