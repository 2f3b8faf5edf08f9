export type {
  Enumeration,
  ListEnumeration,
  SecretName,
  SerialEnumeration,
  SourceDefinition,
} from './definition.ts';
export { SOURCE_DEFINITIONS, UNDEFINED_OFFICES, findSourceDefinition } from './definitions.ts';
export { ensureSources } from './ensure-sources.ts';
export {
  issueHeaders,
  issueUrl,
  scrubSecrets,
  sourceBaseUrl,
  sourceUrl,
  type SourceSecrets,
} from './issue-url.ts';
export {
  ABSENCE_FINAL_AFTER_DAYS,
  estimatedIssue,
  isAbsenceFinal,
  issuesBehind,
  planIssues,
  planListedIssues,
  utcDate,
  type IssueRef,
} from './plan-issues.ts';
export { listSourceHealth, type SourceHealth } from './source-health.ts';
export {
  DEFAULT_MAX_ISSUES_PER_RUN,
  advanceCursor,
  compareIssueKeys,
  parseSourceCursor,
  parseSourceSettings,
  type IssueState,
  type SourceCursor,
  type SourceSettings,
} from './source-state.ts';
