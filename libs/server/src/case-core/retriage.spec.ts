import { TriageFacts } from '@sg/domain';
import { CurrentTriage, retriage } from './retriage';

const now = new Date('2026-11-22T12:00:00Z');
const facts: TriageFacts = {
  ageBand: '18_plus',
  contentMadeUnder18: false,
  selfHarm: 'none',
  immediateDanger: false,
  deadlineAt: null,
  contentPosted: 'no',
  stillInContact: false,
  paid: false,
};
const standard: CurrentTriage = {
  triagePriority: 'standard',
  priorityOverride: null,
  firstResponseDueAt: new Date('2026-11-24T10:00:00Z'),
  firstRespondedAt: null,
  createdAt: new Date('2026-11-22T10:00:00Z'),
};

describe('retriage', () => {
  it('raises priority and brings the first response forward when a close deadline appears', () => {
    const result = retriage({ ...facts, deadlineAt: new Date('2026-11-22T20:00:00Z') }, standard, now);
    expect(result).toMatchObject({ priority: 'urgent', triagePriority: 'urgent', changed: true });
    expect(result.firstResponseDueAt).toEqual(new Date('2026-11-22T13:00:00Z'));
  });

  it('keeps a caseworker’s override in force', () => {
    const result = retriage({ ...facts, contentPosted: 'yes' }, { ...standard, priorityOverride: 'emergency' }, now);
    expect(result.triagePriority).toBe('high');
    expect(result.priority).toBe('emergency');
  });

  it('does not move the target once someone has responded', () => {
    const responded = { ...standard, firstRespondedAt: new Date('2026-11-22T11:00:00Z') };
    const result = retriage({ ...facts, immediateDanger: true }, responded, now);
    expect(result.firstResponseDueAt).toEqual(standard.firstResponseDueAt);
  });

  it('reports no change when the priority stays the same', () => {
    expect(retriage({ ...facts, contentPosted: 'unknown' }, standard, now).changed).toBe(false);
  });
});
