import { APIRequestContext, expect, Locator, Page, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { loginResponseSchema, notificationListSchema } from '@sg/contracts/schemas';
import { expectNoAxeViolations } from './support/axe';
import { DEMO_PASSWORD as PASSWORD, signIn, submitIntake as submit } from './support/staff';
import { bodyOf } from './support/api';

/**
 * Follow-ups end to end: a takedown request marked submitted schedules its chase; the chase
 * fires (the e2e stack shortens the takedown cadence: the chase comes after seconds) and the
 * caseworker's bell counts it live; marking the content removed schedules the re-checks and
 * cancels the escalation. Demo accounts as in dashboard.spec.ts.
 */
const CASEWORKER = 'caseworker@demo.test';
/** Long enough for a scaled 48 h plus the worker's sweep, whatever scale the stack runs at. */
const FIRE_TIMEOUT_MS = Number(process.env['E2E_FOLLOW_UP_TIMEOUT_MS'] ?? 45_000);

test.use({ viewport: { width: 1440, height: 900 } });
test.describe.configure({ mode: 'serial' });

/** An adult, no deadline, nothing posted, not in contact: standard priority, so no wellbeing checks. */
function standardIntake(): Record<string, unknown> {
  return {
    submittedBy: 'victim',
    channel: 'web',
    ageBand: '18_plus',
    contentMadeUnder18: false,
    country: 'US',
    selfHarm: 'none',
    immediateDanger: false,
    deadlineAt: null,
    demands: ['money'],
    contentPosted: 'no',
    stillInContact: false,
    paid: false,
    platforms: [{ platform: 'Instagram', offenderHandle: `e2e_fu_${randomUUID().slice(0, 8)}` }],
    contentUrls: [],
    narrative: 'Someone says they will share my pictures unless I pay them.',
    contact: { channel: 'email', value: 'e2e-follow-up@example.org', canMentionOrganisation: false },
    consent: { storeData: true, contactMe: true },
  };
}

/**
 * Other specs run in parallel and their cases notify this caseworker too: start from an empty
 * bell so the count below is this test's own.
 */
async function clearOpenNotifications(request: APIRequestContext, email: string): Promise<void> {
  const login = await request.post('/api/auth/login', { data: { email, password: PASSWORD }, headers: { 'X-Requested-With': 'safeguard-triage' } });
  expect(login.status(), await login.text()).toBe(200);
  const headers = { Authorization: `Bearer ${(await bodyOf(login, loginResponseSchema)).accessToken}`, 'X-Requested-With': 'safeguard-triage' };
  const open = await request.get('/api/notifications?status=open', { headers });
  expect(open.status(), await open.text()).toBe(200);
  for (const item of (await bodyOf(open, notificationListSchema)).items) {
    const done = await request.post(`/api/notifications/${item.id}/done`, { headers, data: {} });
    expect(done.ok(), await done.text()).toBe(true);
  }
}

const bellCount = async (bell: Locator): Promise<number> => {
  const name = (await bell.getAttribute('aria-label')) ?? '';
  const match = /^Notifications, (\d+) open$/.exec(name);
  return match ? Number(match[1]) : 0;
};

/** Screenshots for review when E2E_SHOTS_DIR is set (not part of the assertions). */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env['E2E_SHOTS_DIR'];
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

/** Axe on a page at rest: a snack bar or menu caught mid-animation reads as low contrast. */
async function expectAccessible(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  await expectNoAxeViolations(page);
}

const followUpRow = (view: Locator, label: string) => view.locator('sg-follow-ups-section tbody tr').filter({ hasText: label });

test('a submitted takedown is chased, the bell counts it live, and removal schedules the re-checks', async ({ browser, request }) => {
  // It waits for a real follow-up to fire and scans four screens with axe: ~30 s on a loaded 2-core machine.
  test.setTimeout(90_000);
  await clearOpenNotifications(request, CASEWORKER);
  const { context, page } = await signIn(browser, CASEWORKER);
  const bell = page.getByRole('button', { name: /^Notifications, / });
  await expect(bell).toHaveAccessibleName('Notifications, none open');

  // A new case arrives; open it on its own page and claim it.
  const reference = await submit(request, standardIntake());
  const queueRow = page.locator('.sg-case-list').getByRole('link', { name: new RegExp(reference) });
  await expect(queueRow).toBeVisible({ timeout: 5_000 });
  await queueRow.click();
  await page.locator('sg-case-view').getByRole('link', { name: 'Open the case as a full page' }).click();
  const caseView = page.locator('sg-case-view');
  await expect(caseView.getByRole('heading', { level: 1, name: reference })).toBeVisible();
  await caseView.getByRole('button', { name: 'Claim' }).click();
  await expect(caseView).toContainText('Casey Caseworker');

  // File a takedown request: it starts as a draft.
  await caseView.getByRole('tab', { name: /^Takedowns/ }).click();
  await expect(caseView.getByText('No takedown requests yet.')).toBeVisible();
  await caseView.getByLabel('Platform').fill('Instagram');
  await caseView.getByLabel('Address of the content or account (URL)').fill(`https://www.instagram.com/p/e2e${randomUUID().slice(0, 8)}/`);
  await caseView.getByRole('button', { name: 'File takedown request' }).click();
  const takedownRow = caseView.locator('sg-takedowns-section tbody tr').filter({ hasText: 'Instagram' });
  await expect(takedownRow).toContainText('Draft');
  await expect(caseView.getByRole('tab', { name: 'Takedowns (1)' })).toBeVisible();
  await expectAccessible(page);

  // The menu offers only what the lifecycle allows from draft.
  await takedownRow.getByRole('button', { name: 'Update the status of the Instagram request' }).click();
  await expect(page.getByRole('menuitem')).toHaveText(['Mark submitted']);
  await page.getByRole('menuitem', { name: 'Mark submitted' }).click();
  await expect(takedownRow).toContainText('Submitted');
  await shot(page, 'takedowns-submitted');

  // The chase is scheduled (48 h out, scaled).
  await caseView.getByRole('tab', { name: 'Follow-ups' }).click();
  const chase = followUpRow(caseView, 'Chase the takedown request');
  await expect(chase).toHaveCount(1);
  await expect(chase).toContainText('Scheduled');
  await expect(followUpRow(caseView, 'Takedown request unanswered: escalate')).toContainText('Scheduled');
  await shot(page, 'follow-ups-scheduled');
  await expectAccessible(page);

  // It fires: the bell counts it without a reload, and the follow-up shows as notified.
  await expect(bell).toHaveAccessibleName('Notifications, 1 open', { timeout: FIRE_TIMEOUT_MS });
  await expect(chase).toContainText('Due: notified', { timeout: 5_000 });
  await bell.click();
  const panel = page.getByRole('dialog', { name: 'Notifications' });
  await expect(panel).toBeVisible();
  const item = panel.getByRole('listitem').filter({ hasText: 'Chase the takedown request' }).filter({ hasText: reference });
  await expect(item).toHaveCount(1);
  await expect(item.getByRole('link', { name: `Open case ${reference}` })).toBeVisible();
  // The count in the bell's name is the number listed: this chase.
  const count = await bellCount(bell);
  expect(count).toBe(1);
  await expect(panel.getByRole('listitem')).toHaveCount(count);
  await expect(panel).toContainText(`${count} open`);
  await shot(page, 'bell-panel');
  await expectAccessible(page);

  // Mark it done: off the list and the count at once; the follow-up is done.
  await item.getByRole('button', { name: /^Mark done: Chase the takedown request/ }).click();
  await expect(item).toHaveCount(0);
  await expect(bell).toHaveAccessibleName(count - 1 === 0 ? 'Notifications, none open' : `Notifications, ${count - 1} open`);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(chase).toContainText('Done', { timeout: 5_000 });

  // Removed: the two re-checks (7 and 30 days) are scheduled and the escalation is cancelled.
  await caseView.getByRole('tab', { name: /^Takedowns/ }).click();
  await takedownRow.getByRole('button', { name: 'Update the status of the Instagram request' }).click();
  await expect(page.getByRole('menuitem')).toHaveText(['Mark acknowledged', 'Mark removed', 'Mark rejected']);
  await page.getByRole('menuitem', { name: 'Mark removed' }).click();
  await expect(takedownRow).toContainText('Removed');
  await caseView.getByRole('tab', { name: 'Follow-ups' }).click();
  const rechecks = followUpRow(caseView, 'Check the content has not reappeared');
  await expect(rechecks).toHaveCount(2);
  await expect(rechecks.filter({ hasText: 'Scheduled' })).toHaveCount(2);
  await expect(followUpRow(caseView, 'Takedown request unanswered: escalate')).toContainText('Cancelled');
  await expect(followUpRow(caseView, 'Chase the takedown request').filter({ hasText: 'Scheduled' })).toHaveCount(0);
  await shot(page, 'follow-ups-after-removal');
  await expectAccessible(page);

  // Reports: record one, file it, record the agency's reference later.
  await caseView.getByRole('tab', { name: /^Reports/ }).click();
  await caseView.getByLabel('Agency name').fill('Springfield Police Department');
  await caseView.getByRole('button', { name: 'Record report' }).click();
  const reportRow = caseView.locator('sg-reports-section tbody tr').filter({ hasText: 'Springfield Police Department' });
  await expect(reportRow).toContainText('Drafted');
  await reportRow.getByRole('button', { name: 'Update the status of the report to Springfield Police Department' }).click();
  await expect(page.getByRole('menuitem')).toHaveText(['Mark filed']);
  await page.getByRole('menuitem', { name: 'Mark filed' }).click();
  await expect(reportRow).toContainText('Filed');
  await reportRow.getByRole('button', { name: 'Record the reference of the report to Springfield Police Department' }).click();
  await reportRow.getByLabel('Agency reference').fill('SPD-2026-0042');
  await reportRow.getByRole('button', { name: 'Save' }).click();
  await expect(reportRow).toContainText('SPD-2026-0042');

  // The same report again: a warning the caseworker can cancel (nothing is recorded) or go past.
  await caseView.getByLabel('Agency name').fill('springfield police department');
  await caseView.getByRole('button', { name: 'Record report' }).click();
  const twice = page.getByRole('dialog', { name: 'This report may already be on the case' });
  await expect(twice).toContainText('SPD-2026-0042');
  await twice.getByRole('button', { name: 'Cancel' }).click();
  await expect(caseView.locator('sg-reports-section tbody tr')).toHaveCount(1);
  await shot(page, 'reports');
  await expectAccessible(page);

  await context.close();
});
