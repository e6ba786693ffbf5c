import {
  TAKEDOWN_CHANNELS,
  TAKEDOWN_CHANNEL_LABELS,
  TAKEDOWN_STATUSES,
  TAKEDOWN_STATUS_LABELS,
  allowedTakedownTransitions,
  isTakedownChannel,
  isTakedownStatus,
  takedownTransitionProblem,
} from './takedown-lifecycle';

describe('takedown lifecycle', () => {
  const allowed = [
    ['draft', 'submitted'],
    ['submitted', 'acknowledged'],
    ['submitted', 'removed'],
    ['submitted', 'rejected'],
    ['acknowledged', 'removed'],
    ['acknowledged', 'rejected'],
    ['rejected', 'escalated'],
    ['escalated', 'removed'],
    ['escalated', 'rejected'],
    ['removed', 'reappeared'],
  ] as const;

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(takedownTransitionProblem(from, to)).toBeNull();
    expect(allowedTakedownTransitions(from)).toContain(to);
  });

  it('refuses every other move with a message', () => {
    const refused = TAKEDOWN_STATUSES.flatMap((from) =>
      TAKEDOWN_STATUSES.filter((to) => !allowedTakedownTransitions(from).includes(to)).map((to) => [from, to] as const),
    );
    expect(refused).toHaveLength(49 - allowed.length);
    for (const [from, to] of refused) expect(takedownTransitionProblem(from, to)).toEqual(expect.any(String));
  });

  it('explains the refusals in words a caseworker understands', () => {
    expect(takedownTransitionProblem('draft', 'removed')).toMatch(/Submit the request first/);
    expect(takedownTransitionProblem('reappeared', 'submitted')).toMatch(/open a new takedown request/);
    expect(takedownTransitionProblem('removed', 'rejected')).toBe('A takedown request that is "Removed" can only move to "Reappeared".');
    expect(takedownTransitionProblem('acknowledged', 'escalated')).toBe('A takedown request that is "Acknowledged" can only move to "Removed" or "Rejected".');
    expect(takedownTransitionProblem('submitted', 'submitted')).toBe('The takedown request is already submitted.');
  });

  it('cannot go backwards to draft or submitted once sent', () => {
    for (const from of TAKEDOWN_STATUSES) {
      if (from !== 'draft') expect(allowedTakedownTransitions(from)).not.toContain('draft');
      expect(allowedTakedownTransitions(from).includes('submitted')).toBe(from === 'draft');
    }
  });

  it('labels every status and channel, and recognises only its own values', () => {
    for (const status of TAKEDOWN_STATUSES) expect(TAKEDOWN_STATUS_LABELS[status]).toEqual(expect.any(String));
    expect(TAKEDOWN_CHANNELS).toEqual(['platform_form', 'take_it_down', 'stopncii', 'search_delisting', 'hosting_provider', 'law_enforcement']);
    for (const channel of TAKEDOWN_CHANNELS) expect(TAKEDOWN_CHANNEL_LABELS[channel]).toEqual(expect.any(String));
    expect(isTakedownStatus('escalated')).toBe(true);
    expect(isTakedownStatus('deleted')).toBe(false);
    expect(isTakedownStatus(3)).toBe(false);
    expect(isTakedownChannel('stopncii')).toBe(true);
    expect(isTakedownChannel('email')).toBe(false);
    expect(isTakedownChannel(null)).toBe(false);
  });
});
