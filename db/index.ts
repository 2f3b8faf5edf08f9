export * from './create-db.ts';
export { FolderLockedError, LOCK_FILE_NAME, type FolderLock, type FolderLockHolder } from './folder-lock.ts';
export * as tables from './schema.ts';
export type { DeadlineInfo, RunSkip, SubjectFacts } from './schema.ts';
