import { CASE_STATUSES, allowedCaseTransitions, caseTransitionProblem } from './case-lifecycle';

describe('case lifecycle', () => {
  it.each([
    ['new', 'in_progress'],
    ['in_progress', 'waiting'],
    ['waiting', 'in_progress'],
    ['in_progress', 'resolved'],
    ['waiting', 'resolved'],
    ['resolved', 'closed'],
    ['closed', 'in_progress'],
    ['resolved', 'in_progress'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(caseTransitionProblem(from, to)).toBeNull();
  });

  it('refuses every other move with a message that says what is possible', () => {
    const refused = CASE_STATUSES.flatMap((from) => CASE_STATUSES.filter((to) => !allowedCaseTransitions(from).includes(to)).map((to) => [from, to] as const));
    expect(refused).toHaveLength(25 - 8);
    for (const [from, to] of refused) expect(caseTransitionProblem(from, to)).toEqual(expect.any(String));
    expect(caseTransitionProblem('new', 'waiting')).toMatch(/Claim or assign/);
    expect(caseTransitionProblem('closed', 'resolved')).toBe('A case that is "Closed" can only move to "In progress".');
    expect(caseTransitionProblem('waiting', 'waiting')).toBe('The case is already waiting.');
  });
});
