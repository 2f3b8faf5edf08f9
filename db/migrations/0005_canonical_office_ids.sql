-- Custom data migration (issue 16): one office id everywhere.
-- ST.66/ST.96 filings used to be stored under ISO/ST.3 codes (ID, PH, EM ...) while plans, deadlines
-- and sources use office ids (DJKI, IPOPHL, EUIPO ...). This rewrites stored rows to the canonical id
-- of core/offices.ts. Hand-written data SQL (drizzle-kit generate --custom).
-- The map is a copy of core/offices.ts officeAliases() at the time of writing (migrations are frozen).
CREATE TABLE office_id_map_0002 (code text PRIMARY KEY, id text NOT NULL);
--> statement-breakpoint
INSERT INTO office_id_map_0002 (code, id) VALUES
  ('AE', 'AE-MOE'), ('AU', 'IPAUSTRALIA'), ('BR', 'INPI-BR'), ('CA', 'CIPO'), ('CN', 'CNIPA'),
  ('GB', 'UKIPO'), ('ID', 'DJKI'), ('IN', 'IPINDIA'), ('JP', 'JPO'), ('KR', 'KIPO'), ('MX', 'IMPI'),
  ('MY', 'MYIPO'), ('PH', 'IPOPHL'), ('SA', 'SAIP'), ('SG', 'IPOS'), ('TH', 'DIP'), ('TR', 'TURKPATENT'),
  ('US', 'USPTO'), ('VN', 'NOIP'), ('EU', 'EUIPO'), ('EM', 'EUIPO'), ('UK', 'UKIPO'), ('MOIP', 'KIPO'),
  ('DGIP', 'DJKI'), ('CGPDTM', 'IPINDIA'), ('IPVN', 'NOIP'), ('WO', 'WIPO'), ('IB', 'WIPO');
--> statement-breakpoint
-- A filing stored under both codes (the same application from two files): its alerts move to the
-- canonical row when that organization has no alert for it there yet; the old row then goes (its
-- matches with it; an alert that could not move keeps its history, with no filing).
UPDATE alerts a SET filing_id = twin.id
  FROM filings old
  JOIN office_id_map_0002 m ON m.code = old.office
  JOIN filings twin ON twin.office = m.id AND twin.serial_number = old.serial_number
  WHERE a.filing_id = old.id
    AND NOT EXISTS (SELECT 1 FROM alerts b WHERE b.organization_id = a.organization_id AND b.filing_id = twin.id AND b.mark_id IS NOT DISTINCT FROM a.mark_id);
--> statement-breakpoint
DELETE FROM filings old
  USING office_id_map_0002 m, filings twin
  WHERE m.code = old.office AND twin.office = m.id AND twin.serial_number = old.serial_number;
--> statement-breakpoint
-- Search keys and pending-screening marks carry no foreign key (for ingest speed): drop those of
-- the twin rows just removed, so neither clearance search nor the screening sweep meets a ghost.
DELETE FROM filing_search_keys k WHERE NOT EXISTS (SELECT 1 FROM filings f WHERE f.id = k.filing_id);
--> statement-breakpoint
DELETE FROM pending_screenings p WHERE NOT EXISTS (SELECT 1 FROM filings f WHERE f.id = p.filing_id);
--> statement-breakpoint
UPDATE filings f SET office = m.id FROM office_id_map_0002 m WHERE f.office = m.code;
--> statement-breakpoint
-- Registry alerts: the office is part of the fingerprint (alerts/fingerprint.ts: SHA-256 of
-- 'registry' NUL mark id NUL office NUL serial), so it is recomputed with the filing's new office.
UPDATE alerts a SET
    source = f.office,
    fingerprint = encode(sha256(
      convert_to('registry', 'UTF8') || '\x00'::bytea || convert_to(a.mark_id::text, 'UTF8') || '\x00'::bytea ||
      convert_to(f.office, 'UTF8') || '\x00'::bytea || convert_to(f.serial_number, 'UTF8')), 'hex')
  FROM filings f, office_id_map_0002 m
  WHERE a.filing_id = f.id AND a.source = m.code AND a.kind = 'registry_conflict' AND a.mark_id IS NOT NULL
    AND NOT EXISTS (
      SELECT 1 FROM alerts b WHERE b.organization_id = a.organization_id AND b.id <> a.id
        AND b.fingerprint = encode(sha256(
          convert_to('registry', 'UTF8') || '\x00'::bytea || convert_to(a.mark_id::text, 'UTF8') || '\x00'::bytea ||
          convert_to(f.office, 'UTF8') || '\x00'::bytea || convert_to(f.serial_number, 'UTF8')), 'hex'));
--> statement-breakpoint
UPDATE alerts a SET source = m.id FROM office_id_map_0002 m WHERE a.source = m.code AND a.subject_kind = 'filing';
--> statement-breakpoint
-- Brands' watched offices: each element mapped, order kept, duplicates dropped.
UPDATE brands b SET watched_offices = (
    SELECT coalesce(jsonb_agg(o.code ORDER BY o.first), '[]'::jsonb) FROM (
      SELECT coalesce(m.id, e.value) AS code, min(e.ord) AS first
        FROM jsonb_array_elements_text(b.watched_offices) WITH ORDINALITY AS e(value, ord)
        LEFT JOIN office_id_map_0002 m ON m.code = upper(e.value)
        GROUP BY coalesce(m.id, e.value)) o)
  WHERE EXISTS (
    SELECT 1 FROM jsonb_array_elements_text(b.watched_offices) e(value) JOIN office_id_map_0002 m ON m.code = upper(e.value));
--> statement-breakpoint
-- Plans: the markets' own filings named an office as the caller wrote it.
UPDATE plans p SET markets = (
    SELECT jsonb_agg(
      jsonb_set(mk.value, '{ownFilings}', coalesce((
        SELECT jsonb_agg(jsonb_set(f.value, '{office}', to_jsonb(coalesce(m.id, f.value->>'office'))) ORDER BY f.ord)
          FROM jsonb_array_elements(mk.value->'ownFilings') WITH ORDINALITY AS f(value, ord)
          LEFT JOIN office_id_map_0002 m ON m.code = upper(f.value->>'office')), '[]'::jsonb))
      ORDER BY mk.ord)
    FROM jsonb_array_elements(p.markets) WITH ORDINALITY AS mk(value, ord))
  WHERE jsonb_typeof(p.markets) = 'array' AND jsonb_array_length(p.markets) > 0;
--> statement-breakpoint
UPDATE sources s SET office = m.id FROM office_id_map_0002 m WHERE s.office = m.code;
--> statement-breakpoint
DROP TABLE office_id_map_0002;
