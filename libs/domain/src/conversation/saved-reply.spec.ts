import { fillSavedReply } from './saved-reply';

describe('fillSavedReply', () => {
  const plan = [
    { title: 'Do not pay', done: true },
    { title: 'Save the evidence', done: false },
    { title: 'Report the account', done: false },
  ];

  it('fills the next step and the open steps from the plan', () => {
    expect(fillSavedReply('Next: {{next_step}}.\nStill to do:\n{{ open_steps }}', plan)).toBe(
      'Next: Save the evidence.\nStill to do:\n- Save the evidence\n- Report the account',
    );
  });

  it('leaves an unknown placeholder for the caseworker to see, and empties what this case cannot fill', () => {
    expect(fillSavedReply('Hi {{name}}, {{next_step}}', [{ title: 'Do not pay', done: true }])).toBe('Hi {{name}}, ');
  });
});
