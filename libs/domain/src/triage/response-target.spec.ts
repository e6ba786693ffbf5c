import { DEFAULT_OPENING_HOURS } from '../opening-hours';
import { CLOCK_ONLY_POLICY, firstResponseDue, replyExpectation, resumeTarget } from './response-target';

describe('firstResponseDue', () => {
  const hours = { ...DEFAULT_OPENING_HOURS, timeZone: 'Europe/London' };
  const policy = { timeScale: 1, openingHours: hours, openingHoursTargets: { high: 8, standard: 16 } };
  // Friday 4 December 2026, 17:30 in London (GMT): closed until Monday 09:00.
  const fridayEvening = new Date('2026-12-04T17:30:00Z');

  it('counts opening hours for standard and high: Friday evening is due Tuesday and Monday at closing', () => {
    expect(firstResponseDue('standard', fridayEvening, policy).toISOString()).toBe('2026-12-08T17:00:00.000Z');
    expect(firstResponseDue('high', fridayEvening, policy).toISOString()).toBe('2026-12-07T17:00:00.000Z');
  });

  it('keeps emergency and urgent on the clock, also when closed', () => {
    expect(firstResponseDue('emergency', fridayEvening, policy).toISOString()).toBe('2026-12-04T17:45:00.000Z');
    expect(firstResponseDue('urgent', fridayEvening, policy).toISOString()).toBe('2026-12-04T18:30:00.000Z');
  });

  it('runs every target on the clock until the organisation sets its hours', () => {
    expect(firstResponseDue('standard', fridayEvening, CLOCK_ONLY_POLICY).toISOString()).toBe('2026-12-06T17:30:00.000Z');
  });

  it('scales the opening time, not the calendar', () => {
    // 16 opening hours at 1/60: 16 opening minutes, counted from Monday 09:00.
    expect(firstResponseDue('standard', fridayEvening, { ...policy, timeScale: 1 / 60 }).toISOString()).toBe('2026-12-07T09:16:00.000Z');
  });
});

describe('replyExpectation', () => {
  const hours = { ...DEFAULT_OPENING_HOURS, timeZone: 'Europe/London' };
  const policy = { timeScale: 1, openingHours: hours, openingHoursTargets: { high: 8, standard: 16 } };

  it('says closed, when it opens, and the reply target, on a Saturday', () => {
    const saturday = new Date('2026-12-05T11:00:00Z');
    expect(replyExpectation(policy, saturday, new Date('2026-12-08T17:00:00Z'), null)).toEqual({
      openNow: false,
      nextOpeningAt: '2026-12-07T09:00:00.000Z',
      replyBy: '2026-12-08T17:00:00.000Z',
    });
  });

  it('says open, and nothing to wait for once someone has been in touch', () => {
    const monday = new Date('2026-12-07T10:00:00Z');
    expect(replyExpectation(policy, monday, new Date('2026-12-07T18:00:00Z'), new Date('2026-12-07T09:30:00Z'))).toEqual({
      openNow: true,
      nextOpeningAt: null,
      replyBy: null,
    });
    expect(replyExpectation(CLOCK_ONLY_POLICY, new Date('2026-12-05T11:00:00Z'), monday, null).openNow).toBe(true);
  });
});

describe('resumeTarget', () => {
  const hours = { ...DEFAULT_OPENING_HOURS, timeZone: 'Europe/London' };
  const policy = { timeScale: 1, openingHours: hours, openingHoursTargets: { high: 8, standard: 16 } };

  it('moves a clock target on by the time paused', () => {
    const due = resumeTarget('urgent', new Date('2026-12-07T10:30:00Z'), new Date('2026-12-07T10:00:00Z'), new Date('2026-12-07T12:00:00Z'), policy);
    expect(due.toISOString()).toBe('2026-12-07T12:30:00.000Z');
  });

  it('leaves the same opening time after a pause over a weekend', () => {
    // Paused Friday 16:00 with 2 opening hours left (due Monday 10:00); resumed Monday 09:00: due 11:00.
    const due = resumeTarget('standard', new Date('2026-12-07T10:00:00Z'), new Date('2026-12-04T16:00:00Z'), new Date('2026-12-07T09:00:00Z'), policy);
    expect(due.toISOString()).toBe('2026-12-07T11:00:00.000Z');
  });

  it('keeps a target that was already past when it paused', () => {
    const past = new Date('2026-12-07T09:00:00Z');
    expect(resumeTarget('high', past, new Date('2026-12-07T10:00:00Z'), new Date('2026-12-07T12:00:00Z'), policy)).toBe(past);
  });
});
