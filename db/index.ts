export * from './create-db.ts';
export * as tables from './schema.ts';
export type { DeadlineInfo, RunSkip, SubjectFacts } from './schema.ts';
