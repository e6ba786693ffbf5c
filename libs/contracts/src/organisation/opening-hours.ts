import { IsoWeekday, OpeningHours, OPENING_HOURS_LIMITS, validateOpeningHours } from '@sg/domain';
import * as z from 'zod';
import { text } from '../fields/text';

/**
 * The organisation's time zone, weekly opening hours and holidays: the clock `high` and `standard`
 * targets count on (see OpeningHours in @sg/domain for the rules). `GET /api/organisation/hours`
 * (any signed-in staff) answers this; `PUT /api/organisation/hours` (admins, audited) replaces it
 * with an `OpeningHoursInput` and answers the saved hours.
 */
export interface OrganisationHours extends OpeningHours {
  /** When an admin last saved them; null while the organisation runs on the defaults. */
  updatedAt: string | null;
}

// The range is the domain's rule (validateOpeningHours), so it is reported once, in its words.
const weekday = z
  .number({ error: () => 'must be a weekday from 1 (Monday) to 7 (Sunday)' })
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- an out-of-range day is passed on on purpose, so validateOpeningHours (the domain's rule) reports it once, in its words.
  .transform((day) => day as IsoWeekday);

/**
 * The whole set of hours, replaced at once. The shape is checked here; the rules (a known zone,
 * closing after opening, no overlapping slots, real and distinct holiday dates) are the domain's
 * `validateOpeningHours`, so the admin page and the API refuse the same things with the same words.
 */
export const openingHoursInputSchema = z
  .strictObject({
    timeZone: text().trim().min(1, 'is required').max(64, 'must be a time zone such as Europe/London'),
    weekly: z
      .array(z.strictObject({ day: weekday, opens: text().trim(), closes: text().trim() }))
      .max(OPENING_HOURS_LIMITS.slots, `must have at most ${OPENING_HOURS_LIMITS.slots} slots`),
    holidays: z
      .array(z.strictObject({ date: text().trim(), name: text().trim() }))
      .max(OPENING_HOURS_LIMITS.holidays, `must have at most ${OPENING_HOURS_LIMITS.holidays} holidays`),
  })
  .superRefine((hours, ctx) => {
    for (const problem of validateOpeningHours(hours)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  }) satisfies z.ZodType<OpeningHours>;
export type OpeningHoursInput = z.input<typeof openingHoursInputSchema>;
