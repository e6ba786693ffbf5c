import { DEFAULT_FOLLOW_UP_CADENCE, FOLLOW_UP_AUDIENCE_BY_KIND, FOLLOW_UP_KINDS, FOLLOW_UP_KIND_LABELS, isFollowUpKind, scaleCadence } from './cadence';

const HOUR = 60;
const DAY = 24 * HOUR;

describe('follow-up cadence', () => {
  it('has the defaults from the organisation guidance', () => {
    expect(DEFAULT_FOLLOW_UP_CADENCE).toEqual({
      wellbeingCheckMinutes: [4 * HOUR, 24 * HOUR],
      deadlineReminderLeadMinutes: 2 * HOUR,
      takedownChaseMinutes: 48 * HOUR,
      takedownEscalationMinutes: 7 * DAY,
      reappearanceCheckMinutes: [7 * DAY, 30 * DAY],
      reportFollowUpMinutes: [7 * DAY, 30 * DAY],
      caseReviewMinutes: [7 * DAY, 30 * DAY, 90 * DAY],
      slaEscalationGraceMinutes: 0,
      closureOfferMinutes: 90 * DAY,
    });
  });

  it('labels every kind; a takedown escalation tells the caseworker and the supervisors, an unheld case only the supervisors', () => {
    for (const kind of FOLLOW_UP_KINDS) expect(FOLLOW_UP_KIND_LABELS[kind]).toEqual(expect.any(String));
    const toSupervisors = FOLLOW_UP_KINDS.filter((kind) => FOLLOW_UP_AUDIENCE_BY_KIND[kind] === 'supervisors');
    expect(toSupervisors).toEqual(['sla_escalation']);
    expect(FOLLOW_UP_AUDIENCE_BY_KIND.takedown_escalation).toBe('assignee_and_supervisors');
    expect(FOLLOW_UP_KIND_LABELS.closure_offer).toBe('Offer to close the case: no activity for 90 days');
    expect(isFollowUpKind('case_review')).toBe(true);
    expect(isFollowUpKind('nag')).toBe(false);
  });

  it('scales every duration by the time scale', () => {
    const scaled = scaleCadence(DEFAULT_FOLLOW_UP_CADENCE, 1 / 60);
    expect(scaled).toEqual({
      wellbeingCheckMinutes: [4, 24],
      deadlineReminderLeadMinutes: 2,
      takedownChaseMinutes: 48,
      takedownEscalationMinutes: 7 * 24,
      reappearanceCheckMinutes: [7 * 24, 30 * 24],
      reportFollowUpMinutes: [7 * 24, 30 * 24],
      caseReviewMinutes: [7 * 24, 30 * 24, 90 * 24],
      slaEscalationGraceMinutes: 0,
      closureOfferMinutes: 90 * 24,
    });
  });

  it('scales up as well as down, and leaves the original alone', () => {
    const doubled = scaleCadence({ ...DEFAULT_FOLLOW_UP_CADENCE, slaEscalationGraceMinutes: 10 }, 2);
    expect(doubled.takedownChaseMinutes).toBe(96 * HOUR);
    expect(doubled.slaEscalationGraceMinutes).toBe(20);
    expect(scaleCadence(DEFAULT_FOLLOW_UP_CADENCE, 1)).toEqual(DEFAULT_FOLLOW_UP_CADENCE);
    expect(DEFAULT_FOLLOW_UP_CADENCE.takedownChaseMinutes).toBe(48 * HOUR);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses a time scale of %p', (scale) => {
    expect(() => scaleCadence(DEFAULT_FOLLOW_UP_CADENCE, scale)).toThrow(RangeError);
  });
});
