import { unitConfig } from '../testing/unit-config';
import { StaffMailer } from './staff-mailer';

describe('StaffMailer', () => {
  const config = unitConfig({ smtpUrl: 'json', mailFrom: 'Team <team@example.org>', publicUrl: 'https://triage.example.org' });

  it('is off unless SMTP is configured', () => {
    expect(new StaffMailer({ ...config, smtpUrl: undefined }).enabled).toBe(false);
    expect(new StaffMailer(config).enabled).toBe(true);
  });

  it('names the follow-up and links the case, and carries nothing about the person', async () => {
    const mailer = new StaffMailer(config);
    const message = mailer.message({ to: 'casey@example.org', title: 'Wellbeing check: SG-AAAA-BBBB', caseId: '00000000-0000-4000-8000-000000000001' });
    expect(message).toEqual({
      from: 'Team <team@example.org>',
      to: 'casey@example.org',
      subject: 'Follow-up due: Wellbeing check: SG-AAAA-BBBB',
      text: expect.stringContaining('https://triage.example.org/staff/cases/00000000-0000-4000-8000-000000000001') as unknown,
    });
    await expect(mailer.send({ to: 'casey@example.org', title: 'x', caseId: 'y' })).resolves.toBeUndefined();
  });
});
