ALTER TABLE "filing_search_keys" DROP CONSTRAINT "filing_search_keys_filing_id_filings_id_fk";
