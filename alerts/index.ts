export { screenFilings, type ScreenSummary } from './screen-filings.ts';
export {
  addScreenSummary,
  claimUnscreened,
  countPendingScreenings,
  drainPendingScreenings,
  markScreeningEnqueued,
  screenPendingFilings,
} from './screen-pending.ts';
export { raiseRegistryAlert } from './raise-alert.ts';
export { listAlerts } from './list-alerts.ts';
export { triageAlert } from './triage-alert.ts';
export { severityOf } from './severity.ts';
export { emitEvent, type OrganizationEvent } from './emit-event.ts';
