import {
  addOpeningMinutes,
  DEFAULT_OPENING_HOURS,
  isOpen,
  nextOpening,
  OPEN_ALL_WEEK,
  OpeningHours,
  openingMinutesBetween,
  openingStatus,
  validateOpeningHours,
} from './opening-hours';
import { zonedToUtc } from './zoned-time';

const at = (iso: string) => new Date(iso);
const HOUR = 60;
const weekdays = (timeZone: string, holidays: OpeningHours['holidays'] = []): OpeningHours => ({ ...DEFAULT_OPENING_HOURS, timeZone, holidays });
const london = weekdays('Europe/London');
const newYork = weekdays('America/New_York');

describe('addOpeningMinutes: a target counted in opening time (Monday–Friday 09:00–17:00)', () => {
  it('starts the count at the next opening over a weekend: Friday 17:30 + 16 h is Tuesday 17:00', () => {
    // 2026-03-06 is a Friday; London is on GMT, so local time = UTC.
    expect(addOpeningMinutes(london, at('2026-03-06T17:30:00Z'), 16 * HOUR)).toEqual(at('2026-03-10T17:00:00Z'));
  });

  it('uses what is left of the day first: Friday 16:30 + 16 h is Tuesday 16:30', () => {
    expect(addOpeningMinutes(london, at('2026-03-06T16:30:00Z'), 16 * HOUR)).toEqual(at('2026-03-10T16:30:00Z'));
  });

  it('counts from the arrival when it arrives while open: Wednesday 10:00 + 16 h is Friday 10:00', () => {
    expect(addOpeningMinutes(london, at('2026-03-04T10:00:00Z'), 16 * HOUR)).toEqual(at('2026-03-06T10:00:00Z'));
  });

  it('waits for the doors to open when it arrives early: Monday 07:00 + 8 h is Monday 17:00, not Tuesday 09:00', () => {
    expect(addOpeningMinutes(london, at('2026-03-09T07:00:00Z'), 8 * HOUR)).toEqual(at('2026-03-09T17:00:00Z'));
  });

  it('spans several days and ends at closing time when the week is used up exactly', () => {
    expect(addOpeningMinutes(london, at('2026-03-09T09:00:00Z'), 40 * HOUR)).toEqual(at('2026-03-13T17:00:00Z'));
    expect(addOpeningMinutes(london, at('2026-03-09T09:00:00Z'), 40 * HOUR + 1)).toEqual(at('2026-03-16T09:01:00Z'));
  });

  it('is due at once for a target of 0, and refuses a negative one', () => {
    expect(addOpeningMinutes(london, at('2026-03-07T12:00:00Z'), 0)).toEqual(at('2026-03-07T12:00:00Z'));
    expect(() => addOpeningMinutes(london, at('2026-03-07T12:00:00Z'), -1)).toThrow(RangeError);
  });

  it('skips a holiday: the Friday before the May bank holiday + 8 h is Tuesday 17:00 BST', () => {
    const withHoliday = weekdays('Europe/London', [{ date: '2026-05-04', name: 'Early May bank holiday' }]);
    expect(addOpeningMinutes(withHoliday, at('2026-05-01T16:30:00Z'), 8 * HOUR)).toEqual(at('2026-05-05T16:00:00Z'));
    expect(addOpeningMinutes(london, at('2026-05-01T16:30:00Z'), 8 * HOUR)).toEqual(at('2026-05-04T16:00:00Z'));
  });

  it('keeps opening at 09:00 local across the end of March in London (GMT → BST)', () => {
    // Friday 12:00 GMT: 5 h on Friday, 8 h on Monday (09:00 BST = 08:00Z), 3 h on Tuesday → 12:00 BST.
    expect(addOpeningMinutes(london, at('2026-03-27T12:00:00Z'), 16 * HOUR)).toEqual(at('2026-03-31T11:00:00Z'));
    expect(openingMinutesBetween(london, at('2026-03-27T12:00:00Z'), at('2026-03-31T11:00:00Z'))).toBe(16 * HOUR);
  });

  it('keeps opening at 09:00 local across the end of October in London (BST → GMT)', () => {
    // Friday 12:00 BST (11:00Z) → Tuesday 12:00 GMT.
    expect(addOpeningMinutes(london, at('2026-10-23T11:00:00Z'), 16 * HOUR)).toEqual(at('2026-10-27T12:00:00Z'));
  });

  it('follows New York across both of its changes', () => {
    // Friday 16:00 EST: 1 h, then Monday 09:00 EDT (13:00Z) + 7 h.
    expect(addOpeningMinutes(newYork, at('2026-03-06T21:00:00Z'), 8 * HOUR)).toEqual(at('2026-03-09T20:00:00Z'));
    // Friday 16:00 EDT: 1 h, then Monday 09:00 EST (14:00Z) + 7 h.
    expect(addOpeningMinutes(newYork, at('2026-10-30T20:00:00Z'), 8 * HOUR)).toEqual(at('2026-11-02T21:00:00Z'));
  });

  it('answers null when the week has no opening at all, so the caller can fall back to the clock', () => {
    const never: OpeningHours = { timeZone: 'UTC', weekly: [], holidays: [] };
    expect(addOpeningMinutes(never, at('2026-03-06T12:00:00Z'), 60)).toBeNull();
    expect(nextOpening(never, at('2026-03-06T12:00:00Z'))).toBeNull();
    expect(openingStatus(never, at('2026-03-06T12:00:00Z'))).toEqual({ open: false, opensAt: null });
  });
});

describe('a slot that spans the hour the clocks change (Sunday 00:00–04:00, London)', () => {
  const sundayNights: OpeningHours = { timeZone: 'Europe/London', weekly: [{ day: 7, opens: '00:00', closes: '04:00' }], holidays: [] };

  it('is open three real hours on the night the clocks go forward', () => {
    expect(openingMinutesBetween(sundayNights, at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'))).toBe(3 * HOUR);
    expect(isOpen(sundayNights, at('2026-03-29T00:59:00Z'))).toBe(true);
    expect(isOpen(sundayNights, at('2026-03-29T01:00:00Z'))).toBe(true); // 02:00 BST
    expect(isOpen(sundayNights, at('2026-03-29T03:00:00Z'))).toBe(false); // 04:00 BST
    expect(addOpeningMinutes(sundayNights, at('2026-03-29T00:00:00Z'), 2 * HOUR)).toEqual(at('2026-03-29T02:00:00Z')); // 03:00 BST
  });

  it('is open five real hours on the night the clocks go back', () => {
    expect(openingMinutesBetween(sundayNights, at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'))).toBe(5 * HOUR);
    expect(openingStatus(sundayNights, at('2026-10-25T00:30:00Z'))).toEqual({ open: true, closesAt: at('2026-10-25T04:00:00Z') });
  });

  it('reads a skipped wall time as after the jump and a doubled one as the first', () => {
    expect(zonedToUtc({ year: 2026, month: 3, day: 29 }, 90, 'Europe/London')).toBe(Date.parse('2026-03-29T01:30:00Z')); // 02:30 BST
    expect(zonedToUtc({ year: 2026, month: 10, day: 25 }, 90, 'Europe/London')).toBe(Date.parse('2026-10-25T00:30:00Z')); // 01:30 BST
    expect(zonedToUtc({ year: 2026, month: 3, day: 8 }, 150, 'America/New_York')).toBe(Date.parse('2026-03-08T07:30:00Z')); // 03:30 EDT
  });
});

describe('several slots a day, night shifts and 24/7', () => {
  const splitDay: OpeningHours = {
    timeZone: 'Europe/London',
    weekly: ([1, 2, 3, 4, 5] as const).flatMap((day) => [
      { day, opens: '09:00', closes: '12:00' },
      { day, opens: '13:00', closes: '17:00' },
    ]),
    holidays: [],
  };

  it('leaves out the lunch hour', () => {
    expect(addOpeningMinutes(splitDay, at('2026-03-09T11:00:00Z'), 2 * HOUR)).toEqual(at('2026-03-09T14:00:00Z'));
    expect(openingStatus(splitDay, at('2026-03-09T10:00:00Z'))).toEqual({ open: true, closesAt: at('2026-03-09T12:00:00Z') });
    expect(openingStatus(splitDay, at('2026-03-09T12:30:00Z'))).toEqual({ open: false, opensAt: at('2026-03-09T13:00:00Z') });
  });

  it('joins a night shift across midnight', () => {
    const nights: OpeningHours = {
      timeZone: 'Europe/London',
      weekly: [
        { day: 1, opens: '22:00', closes: '24:00' },
        { day: 2, opens: '00:00', closes: '06:00' },
      ],
      holidays: [],
    };
    expect(openingStatus(nights, at('2026-03-09T23:00:00Z'))).toEqual({ open: true, closesAt: at('2026-03-10T06:00:00Z') });
    expect(addOpeningMinutes(nights, at('2026-03-09T21:00:00Z'), 4 * HOUR)).toEqual(at('2026-03-10T02:00:00Z'));
  });

  it('runs on the clock when open 24/7, across a DST change, and never closes', () => {
    const always: OpeningHours = { timeZone: 'Europe/London', ...OPEN_ALL_WEEK };
    expect(addOpeningMinutes(always, at('2026-03-28T12:00:00Z'), 24 * HOUR)).toEqual(at('2026-03-29T12:00:00Z'));
    expect(openingMinutesBetween(always, at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'))).toBe(24 * HOUR);
    expect(openingStatus(always, at('2026-03-29T01:30:00Z'))).toEqual({ open: true, closesAt: null });
  });
});

describe('isOpen, nextOpening, openingStatus and openingMinutesBetween', () => {
  it('is closed on a weekend and opens on Monday morning local time', () => {
    expect(isOpen(london, at('2026-03-07T12:00:00Z'))).toBe(false);
    expect(nextOpening(london, at('2026-03-07T12:00:00Z'))).toEqual(at('2026-03-09T09:00:00Z'));
    expect(nextOpening(newYork, at('2026-03-07T12:00:00Z'))).toEqual(at('2026-03-09T13:00:00Z'));
  });

  it('is open inside a slot and says when it closes; opening time is open, closing time is not', () => {
    expect(isOpen(london, at('2026-06-10T08:00:00Z'))).toBe(true); // 09:00 BST
    expect(isOpen(london, at('2026-06-10T16:00:00Z'))).toBe(false); // 17:00 BST
    expect(nextOpening(london, at('2026-06-10T12:00:00Z'))).toEqual(at('2026-06-10T12:00:00Z'));
    expect(openingStatus(london, at('2026-06-10T12:00:00Z'))).toEqual({ open: true, closesAt: at('2026-06-10T16:00:00Z') });
  });

  it('measures a pause in opening time: Friday 16:00 to Monday 10:00 is two hours', () => {
    expect(openingMinutesBetween(london, at('2026-03-06T16:00:00Z'), at('2026-03-09T10:00:00Z'))).toBe(2 * HOUR);
    expect(openingMinutesBetween(london, at('2026-03-07T10:00:00Z'), at('2026-03-08T10:00:00Z'))).toBe(0);
    expect(openingMinutesBetween(london, at('2026-03-09T10:00:00Z'), at('2026-03-09T09:00:00Z'))).toBe(0);
  });

  it('is closed all day on a holiday', () => {
    const christmas = weekdays('Europe/London', [{ date: '2026-12-25', name: 'Christmas Day' }]);
    expect(isOpen(christmas, at('2026-12-25T10:00:00Z'))).toBe(false);
    expect(nextOpening(christmas, at('2026-12-25T10:00:00Z'))).toEqual(at('2026-12-28T09:00:00Z'));
  });

  it('looks past a long run of holidays', () => {
    const summer = Array.from({ length: 30 }, (_, i) => ({ date: `2026-08-${String(i + 1).padStart(2, '0')}`, name: 'Summer closure' }));
    expect(nextOpening(weekdays('Europe/London', summer), at('2026-07-31T18:00:00Z'))).toEqual(at('2026-08-31T08:00:00Z'));
  });
});

describe('other zones', () => {
  it('handles half-hour offsets and the southern summer (Kolkata, Sydney)', () => {
    // Kolkata is UTC+05:30 all year: Monday 09:00 IST is 03:30Z.
    expect(nextOpening(weekdays('Asia/Kolkata'), at('2026-03-07T12:00:00Z'))).toEqual(at('2026-03-09T03:30:00Z'));
    // Sydney leaves summer time on Sunday 5 April 2026 (AEDT +11 → AEST +10): Friday 16:00 AEDT + 2 h → Monday 10:00 AEST.
    expect(addOpeningMinutes(weekdays('Australia/Sydney'), at('2026-04-03T05:00:00Z'), 2 * HOUR)).toEqual(at('2026-04-06T00:00:00Z'));
  });
});

describe('validateOpeningHours', () => {
  it('accepts the defaults and 24/7', () => {
    expect(validateOpeningHours(DEFAULT_OPENING_HOURS)).toEqual([]);
    expect(validateOpeningHours({ timeZone: 'UTC', ...OPEN_ALL_WEEK })).toEqual([]);
  });

  it('names each bad field', () => {
    const problems = validateOpeningHours({
      timeZone: 'Mars/Olympus',
      weekly: [
        { day: 1, opens: '09:00', closes: '17:00' },
        { day: 1, opens: '16:00', closes: '18:00' },
        { day: 2, opens: '17:00', closes: '09:00' },
        // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- a weekday outside 1–7 is the bad input under test; the type rightly forbids writing it.
        { day: 8 as 1, opens: '9am', closes: '24:00' },
      ],
      holidays: [
        { date: '2026-02-30', name: 'Not a day' },
        { date: '2026-12-25', name: ' ' },
        { date: '2026-12-25', name: 'Twice' },
      ],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'timeZone',
      'weekly[2].closes',
      'weekly[3].day',
      'weekly[3].opens',
      'weekly[1].opens',
      'holidays[0].date',
      'holidays[1].name',
      'holidays[2].date',
    ]);
    expect(problems.find((p) => p.field === 'weekly[1].opens')).toEqual({
      path: ['weekly', 1, 'opens'],
      field: 'weekly[1].opens',
      message: 'overlaps another slot on the same day',
    });
  });

  it('allows touching slots but not an empty week or an offset for a zone', () => {
    const touching = {
      ...DEFAULT_OPENING_HOURS,
      weekly: [
        { day: 1 as const, opens: '09:00', closes: '12:00' },
        { day: 1 as const, opens: '12:00', closes: '17:00' },
      ],
    };
    expect(validateOpeningHours(touching)).toEqual([]);
    expect(validateOpeningHours({ ...DEFAULT_OPENING_HOURS, weekly: [] }).map((p) => p.field)).toEqual(['weekly']);
    expect(validateOpeningHours({ ...DEFAULT_OPENING_HOURS, timeZone: '+01:00' }).map((p) => p.field)).toEqual(['timeZone']);
  });
});
