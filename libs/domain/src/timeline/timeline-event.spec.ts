import { isTimelineEventKind, TIMELINE_EVENT_KINDS } from './timeline-event';

describe('timeline event kinds', () => {
  it('knows every kind written to a timeline, and only those', () => {
    expect(TIMELINE_EVENT_KINDS).toContain('case_created');
    expect(TIMELINE_EVENT_KINDS).toContain('report_updated');
    expect(new Set(TIMELINE_EVENT_KINDS).size).toBe(TIMELINE_EVENT_KINDS.length);
    for (const kind of TIMELINE_EVENT_KINDS) expect(isTimelineEventKind(kind)).toBe(true);
  });

  it('does not take text that is not a kind for one', () => {
    expect(isTimelineEventKind('some_new_kind')).toBe(false);
    expect(isTimelineEventKind('constructor')).toBe(false);
    expect(isTimelineEventKind('toString')).toBe(false);
    expect(isTimelineEventKind(undefined)).toBe(false);
  });
});
