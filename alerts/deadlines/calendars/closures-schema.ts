import { z } from 'zod';
import { isCalendarDate } from '../calendar-date.ts';

/** Shapes of published-closures.json and ad-hoc-closures.json, validated at module load. */

const calendarDate = z.string().refine(isCalendarDate, { message: 'write dates as YYYY-MM-DD' });
const namedDay = z.object({ date: calendarDate, name: z.string().min(1) });
const source = z.object({ citation: z.string().min(1), url: z.url().nullable() });

export const publishedClosuresSchema = z.object({
  note: z.string(),
  lists: z.array(
    z.object({
      office: z.string(),
      year: z.number().int().min(1900).max(2200),
      /** A complete list replaces the library for its office and year; a partial one adds to it. */
      complete: z.boolean(),
      publisher: z.string().min(1),
      citation: z.string().min(1),
      url: z.url(),
      closed: z.array(namedDay),
      /** Weekend days the office works (China's 调休, Viet Nam's swapped Saturdays). */
      open: z.array(namedDay),
    }),
  ),
});

export const adHocClosureSchema = z.object({
  office: z.string().min(1),
  date: calendarDate,
  reason: z.string().min(1),
  source: source.optional(),
});

export const adHocClosuresFileSchema = z.object({
  note: z.string(),
  closures: z.array(adHocClosureSchema),
});

export type PublishedClosureList = z.infer<typeof publishedClosuresSchema>['lists'][number];
/** One day an office is closed for a reason no calendar predicts: office, date, reason (and source). */
export type AdHocClosure = z.infer<typeof adHocClosureSchema>;
