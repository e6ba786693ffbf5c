import { summariseEvent } from './timeline-summary';

describe('timeline summaries', () => {
  it('writes every entry as a sentence, never a raw key', () => {
    expect(summariseEvent('follow_up_fired', { kind: 'wellbeing_check' }, null)).toBe('A follow-up came due: Wellbeing check');
    expect(summariseEvent('plan_step_done', { key: 'stop_replying' }, null)).toBe('The person marked "Stop replying" done');
    expect(summariseEvent('plan_step_done', { key: 'stop_replying', title: 'Stop replying, block them, keep the messages' }, null)).toBe(
      'The person marked "Stop replying, block them, keep the messages" done',
    );
    expect(summariseEvent('takedown_status_changed', { platform: 'Instagram', from: 'draft', to: 'submitted' }, 'Casey')).toMatch(
      /^Casey moved the takedown request to Instagram from /,
    );
    expect(summariseEvent('report_added', { agencyName: 'FBI' }, 'Casey')).toBe('Casey added a report to FBI');
    expect(summariseEvent('some_new_kind', {}, null)).toBe('Some new kind');
  });

  it('has a sentence for every kind the server writes', () => {
    const kinds = ['follow_up_fired', 'follow_up_done', 'takedown_added', 'takedown_status_changed', 'takedown_updated', 'report_added', 'report_updated'];
    for (const kind of kinds) expect(summariseEvent(kind, {}, 'Casey')).not.toMatch(/_/);
  });
});
