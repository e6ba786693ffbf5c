import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { signIn, submitIntake } from './support/staff';

/**
 * Retention in the browser: an admin sets how long closed cases are kept, and a supervisor puts a
 * case on legal hold. Both screens once showed nothing at all (their requests went out without
 * the staff session), which no API test could see.
 */
test.use({ viewport: { width: 1440, height: 900 } });

const intake = {
  submittedBy: 'victim',
  channel: 'web',
  ageBand: '18_plus',
  contentMadeUnder18: false,
  country: 'GB',
  selfHarm: 'none',
  immediateDanger: false,
  deadlineAt: null,
  demands: ['money'],
  contentPosted: 'no',
  stillInContact: false,
  paid: false,
  platforms: [],
  contentUrls: [],
  contact: { channel: 'none', canMentionOrganisation: false },
  consent: { storeData: true, contactMe: false },
};

test('an admin sets how long closed cases are kept, and it is still set after a reload', async ({ browser }) => {
  const { page } = await signIn(browser, 'admin@demo.test');
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'Retention' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'How long cases are kept' })).toBeVisible();
  const keep = page.getByLabel('Keep closed cases until we choose a period');
  await expect(keep).toBeVisible();
  if (await keep.isChecked()) await keep.uncheck();
  await page.getByLabel('Days to keep a closed case').fill('400');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByLabel('Days to keep a closed case')).toHaveValue('400');
  // Back as the other browser tests expect it: nothing is ever purged by this run.
  await page.getByLabel('Keep closed cases until we choose a period').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
});

test('a supervisor puts a case on legal hold with a reason', async ({ browser, request }) => {
  const reference = await submitIntake(request, intake);
  const { page } = await signIn(browser, 'supervisor@demo.test');
  await page
    .locator('.sg-case-list')
    .getByRole('link', { name: new RegExp(reference) })
    .click();
  const caseView = page.locator('sg-case-view');
  await expect(caseView.getByRole('heading', { name: reference })).toBeVisible();
  await caseView.getByRole('tab', { name: 'Legal hold' }).click();
  await expect(caseView.getByText('This case is not on legal hold.')).toBeVisible();
  await caseView.getByLabel('Why the case must be kept').fill('Police reference 2026/4411 asked us to keep it');
  await caseView.getByRole('button', { name: 'Place legal hold' }).click();
  await expect(caseView.getByText('On legal hold', { exact: true })).toBeVisible();
  await expect(caseView).toContainText('Police reference 2026/4411 asked us to keep it');
  await expect(caseView.getByRole('button', { name: 'Release legal hold' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('on a phone an admin page is no wider than the screen (the rail scrolls sideways inside itself)', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'admin@demo.test');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/staff/admin/retention');
  await expect(page.getByRole('heading', { level: 1, name: 'How long cases are kept' })).toBeVisible();
  // The admin's rail is the longest: it once pushed the page out to 1,656 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await context.close();
});
