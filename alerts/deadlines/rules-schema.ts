import { z } from 'zod';

/**
 * Shape of rules.json (copied from shared/samples/deadline-rules.json, sources inside each rule).
 * `null` means "not sourced": the engine must say so, never fill in a default.
 */
const sourceSchema = z.object({
  supports: z.string(),
  citation: z.string(),
  url: z.url().optional(),
  note: z.string().optional(),
});

export const officeRuleSchema = z.object({
  office: z.string(),
  country: z.string(),
  opposition_days_or_months: z.number().int().positive().nullable(),
  unit: z.enum(['days', 'months']).nullable(),
  extension: z.string().nullable(),
  priority_months: z.number().int().positive(),
  renewal_years: z.number().int().positive().nullable(),
  grace_months: z.number().int().positive().nullable(),
  non_use_years: z.number().int().positive().nullable(),
  weekend_rule: z.string().nullable(),
  notes: z.string(),
  sources: z.array(sourceSchema).min(1),
});

export const rulesFileSchema = z.object({
  version: z.literal(1),
  conventions: z.record(z.string(), z.string()),
  conventions_note_2026_11: z.string(),
  rules: z.array(officeRuleSchema).min(1),
});

export type RuleSource = z.infer<typeof sourceSchema>;
/** One office's row of rules.json, as written there. */
export type OfficeRuleData = z.infer<typeof officeRuleSchema>;
export type RulesFile = z.infer<typeof rulesFileSchema>;
