export { screenFilings, type ScreenSummary } from './screen-filings.ts';
export { raiseRegistryAlert } from './raise-alert.ts';
export { listAlerts } from './list-alerts.ts';
export { triageAlert } from './triage-alert.ts';
export { severityOf } from './severity.ts';
export { emitEvent, type OrganizationEvent } from './emit-event.ts';
