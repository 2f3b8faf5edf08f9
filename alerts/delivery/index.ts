export {
  signatureHeader,
  verifySignature,
  SIGNATURE_TOLERANCE_SECONDS,
  type SignatureCheck,
} from './webhook-signature.ts';
export { DEFAULT_RETRY_SCHEDULE, retryDelayMs, type RetrySchedule } from './retry-schedule.ts';
export { postJson, type PostResult } from './post-json.ts';
export {
  assertDeliverableUrl,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  type CreateWebhookInput,
  type WebhookEndpoint,
} from './webhook-endpoints.ts';
export {
  listDeliveries,
  redeliver,
  type WebhookAttempt,
  type WebhookDelivery,
} from './webhook-deliveries.ts';
export { fanOutWebhooks } from './fan-out-webhooks.ts';
export {
  claimDueDeliveries,
  deliverWebhooks,
  type DispatchDeps,
  type WebhookDispatchOptions,
} from './deliver-webhooks.ts';
export { webhookPayload } from './webhook-payload.ts';
export {
  createFeedToken,
  organizationOfFeedToken,
  revokeFeedToken,
  type FeedTokenInfo,
} from './feed-tokens.ts';
export { alertsWithDeadlines, latestAlerts, type FeedAlert } from './feed-alerts.ts';
export { renderAtomFeed, type AtomFeedInput } from './atom-feed.ts';
export { renderDeadlineCalendar, escapeText, foldLine } from './icalendar.ts';
export {
  getNotificationSettings,
  putNotificationSettings,
  assertTimeZone,
  type NotificationSettings,
} from './notification-settings.ts';
export { smtpMailSender, type MailSender, type OutgoingMail } from './mail-transport.ts';
export { planEmails, type PlanEmailOptions } from './plan-emails.ts';
export { planDigests } from './plan-digests.ts';
export { sendQueuedEmails, type SendEmailOptions } from './send-emails.ts';
export { latestOrganizationEventId, nextOrganizationEvents, type StreamPosition } from './event-stream.ts';
