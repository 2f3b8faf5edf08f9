export { putBlob, getBlob, findBlob, sha256Hex } from './blob-store.ts';
export { storeCapture, headersDocument } from './store-capture.ts';
export type { StoreCaptureInput, StoredCapture } from './store-capture.ts';
export { captureForAlert } from './capture-for-alert.ts';
export type { CaptureForAlertInput, CaptureTools } from './capture-for-alert.ts';
export { buildEvidencePack } from './build-pack.ts';
export type { BuildPackInput, BuiltPack, ProgressReporter } from './build-pack.ts';
export {
  requestEvidencePack,
  findPack,
  packZip,
  runPackJob,
  registerEvidenceHandlers,
  EVIDENCE_PACK_QUEUE,
  MAX_ALERTS_PER_PACK,
  PACK_HEARTBEAT_MS,
} from './pack-job.ts';
export { reapStuckPacks, MAX_PACK_ATTEMPTS, PACK_LEASE_SECS, type ReapOutcome } from './reap-packs.ts';
export type { PackRow, PackJob, PackHandlerOptions } from './pack-job.ts';
export { verifyPack, formatVerifyReport, normalizeFingerprint } from './verify-pack.ts';
export type { VerifyOptions, VerifyReport, VerifyCheck, VerifyVerdict } from './verify-pack.ts';
export { loadInstanceKey, keyFingerprint, instancePublicKey, type PublishedKey } from './instance-key.ts';
export { buildCustodyLog, checkCustodyLog } from './custody.ts';
export type { CustodyEntry } from './custody.ts';
export { buildTimeStampRequest, readTimestampResponse, requestTimestamp } from './timestamp.ts';
export { writeZip, readZip } from './zip.ts';
export type { ZipEntry } from './zip.ts';
export { MANIFEST_FORMAT } from './manifest.ts';
export type { Manifest, ManifestFile } from './manifest.ts';
export { registerEvidenceCaptureHandler, EVIDENCE_CAPTURE_QUEUE, type CaptureJob } from './capture-job.ts';
