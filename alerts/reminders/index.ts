export { planReminders, type PlanSummary } from './plan-reminders.ts';
export { fireDueReminders } from './fire-reminders.ts';
export {
  planPlanDeadlineReminders,
  fireDuePlanReminders,
  planPriorityDeadlines,
} from './plan-deadline-reminders.ts';
