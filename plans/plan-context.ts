import type { Clock } from '../core/clock.ts';
import type { Database } from '../db/index.ts';

/** What the plan use cases need: the database and the clock (an AppContext satisfies it). */
export interface PlanContext {
  db: Database;
  clock: Clock;
}
