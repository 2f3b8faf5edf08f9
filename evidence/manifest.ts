import { z } from 'zod';

export const MANIFEST_FORMAT = 'markhound-evidence-pack/1';
/** Files that sign or stamp the manifest and so cannot be listed in it. */
export const SEAL_FILES = ['manifest.json', 'manifest.sig', 'manifest.tsr'] as const;

const fileSchema = z.object({
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
});

/** The manifest as the verifier reads it: only what it checks is required, the rest passes through. */
export const manifestSchema = z.looseObject({
  format: z.literal(MANIFEST_FORMAT),
  pack: z.looseObject({
    id: z.string(),
    created_at: z.string(),
    instance: z.looseObject({ name: z.string(), key_fingerprint: z.string() }),
    alert_ids: z.array(z.string()),
    generator: z.string(),
  }),
  files: z.array(fileSchema),
  captures: z.array(z.record(z.string(), z.unknown())),
  timestamp: z.looseObject({ authority_url: z.string() }).nullable(),
});

export type ManifestFile = z.infer<typeof fileSchema>;
export type Manifest = z.infer<typeof manifestSchema>;
