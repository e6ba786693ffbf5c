import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { caseListResponseSchema, loginResponseSchema, takedownViewSchema, trendsResponseSchema } from '@sg/contracts/schemas';
import { expectNoAxeViolations } from './support/axe';
import { DEMO_PASSWORD, signIn, submitIntake } from './support/staff';
import { bodyOf } from './support/api';

/**
 * The supervisor's Trends page against the real stack: an intake sent today is counted in
 * today's bar and table row, and a takedown request removed today shows in its platform's row.
 * Other specs add cases in parallel, so counts are checked as "at least" where they share data,
 * and exactly for the takedown platform only this spec uses.
 */
const SUPERVISOR = 'supervisor@demo.test';

test.use({ viewport: { width: 1280, height: 900 } });
test.describe.configure({ mode: 'serial' });

/** An adult, nothing posted, not in contact: a standard case. */
function standardIntake(): Record<string, unknown> {
  return {
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
    platforms: [{ platform: 'Instagram', offenderHandle: `e2e_tr_${randomUUID().slice(0, 8)}` }],
    contentUrls: [],
    narrative: 'Someone I met online says they will share my photos unless I pay.',
    contact: { channel: 'none', canMentionOrganisation: false },
    consent: { storeData: true, contactMe: false },
  };
}

async function supervisorHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  const login = await request.post('/api/auth/login', {
    data: { email: SUPERVISOR, password: DEMO_PASSWORD },
    headers: { 'X-Requested-With': 'safeguard-triage' },
  });
  expect(login.status(), await login.text()).toBe(200);
  return { Authorization: `Bearer ${(await bodyOf(login, loginResponseSchema)).accessToken}`, 'X-Requested-With': 'safeguard-triage' };
}

/** A takedown request on the case, submitted and then removed, on a platform nobody else uses. */
async function removedTakedown(request: APIRequestContext, reference: string, platform: string): Promise<void> {
  const headers = await supervisorHeaders(request);
  const found = await request.get(`/api/cases?queue=all&q=${reference}`, { headers });
  expect(found.status(), await found.text()).toBe(200);
  const caseId = (await bodyOf(found, caseListResponseSchema)).items[0].id;
  const created = await request.post(`/api/cases/${caseId}/takedowns`, {
    headers,
    data: { platform, url: `https://example.org/p/${randomUUID()}`, channel: 'platform_form' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const takedownId = (await bodyOf(created, takedownViewSchema)).id;
  for (const status of ['submitted', 'removed']) {
    const moved = await request.patch(`/api/takedowns/${takedownId}`, { headers, data: { status } });
    expect(moved.status(), await moved.text()).toBe(200);
  }
}

/**
 * Waits until the API's figures for the page's window (30 days, this machine's zone, as the browser
 * asks) were computed after `since`. A window's figures are shared for 30 s (TRENDS_SHARE_MS), and
 * another test may have asked for this window just before this one recorded its intake and takedown.
 */
async function trendsComputedAfter(request: APIRequestContext, since: number): Promise<void> {
  const headers = await supervisorHeaders(request);
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/trends?days=30&tz=${encodeURIComponent(tz)}`, { headers });
        return Date.parse((await bodyOf(response, trendsResponseSchema)).generatedAt) >= since;
      },
      { timeout: 45_000, intervals: [1_000] },
    )
    .toBe(true);
}

/** Axe on a page at rest (no toggle or progress bar mid-animation). */
async function expectAccessible(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  await expectNoAxeViolations(page);
}

const cells = (page: Page, selector: string) => page.locator(selector).locator('th, td');

test("a supervisor sees today's intakes and the takedowns by platform, and the page is accessible", async ({ browser, request }) => {
  // Up to 30 s more than usual when it must wait for figures newer than its own records.
  test.slow();
  const recorded = Date.now();
  const reference = await submitIntake(request, standardIntake());
  const platform = `E2E Platform ${randomUUID().slice(0, 6)}`;
  await removedTakedown(request, reference, platform);
  await trendsComputedAfter(request, recorded);

  const { context, page } = await signIn(browser, SUPERVISOR);
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'Trends' }).click();
  await expect(page).toHaveURL(/\/staff\/trends/);
  await expect(page.getByRole('heading', { level: 1, name: 'Trends' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Last 30 days' })).toBeChecked();

  // Today is counted: in the summary, in the chart's own description, and in the last row of its numbers.
  const todayTile = page.getByText(/intakes · \d+ today/);
  await expect(todayTile).toBeVisible();
  const today = Number(/(\d+) today/.exec((await todayTile.textContent()) ?? '')?.[1]);
  expect(today).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole('img', { name: /Intakes per day over the last 30 days/ })).toBeVisible();
  const intakesCard = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Intakes per day' }) });
  const showNumbers = intakesCard.getByRole('button', { name: 'Show the numbers' });
  await expect(showNumbers).toHaveAttribute('aria-expanded', 'false');
  await showNumbers.click();
  await expect(intakesCard.getByRole('button', { name: 'Hide the numbers' })).toHaveAttribute('aria-expanded', 'true');
  const rows = intakesCard.getByRole('region', { name: 'Table: intakes per day' }).locator('tbody tr');
  await expect(rows).toHaveCount(30);
  const todayRow = await cells(page, '#intakes-numbers tbody tr:last-child').allTextContents();
  const todayLabel = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date());
  expect(todayRow[0].trim()).toBe(todayLabel);
  // Day | Emergency | Urgent | High | Standard | Total: this standard intake is among them.
  expect(Number(todayRow[4])).toBeGreaterThanOrEqual(1);
  expect(Number(todayRow[5])).toBe(today);

  // The takedown: one request, removed, 100%.
  const takedownRow = page.locator('table.takedowns tbody tr').filter({ hasText: platform });
  await expect(takedownRow).toHaveCount(1);
  expect((await takedownRow.locator('th, td').allTextContents()).map((text) => text.trim()).slice(0, 4)).toEqual([platform, '1', '1', '100%']);

  await expectAccessible(page);

  // The same in the dark theme: the chart colours and the tables must still read.
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/sg-scheme-dark/);
  await expectAccessible(page);

  // Another window: the address follows, and the table has one row a day.
  await page.getByRole('radio', { name: 'Last 7 days' }).click();
  await expect(page).toHaveURL(/days=7/);
  await expect(rows).toHaveCount(7);
  await expect(page.getByRole('img', { name: /Intakes per day over the last 7 days/ })).toBeVisible();

  // Numbers that match a queue open it.
  await page.getByRole('link', { name: /waiting past their response target now: open the Overdue queue/ }).click();
  await expect(page).toHaveURL(/\/staff\/queues\/overdue/);
  await context.close();
});

test('caseworkers have no Trends page', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'caseworker@demo.test');
  await expect(page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'Trends' })).toHaveCount(0);
  await page.goto('/staff/trends');
  await expect(page).toHaveURL(/\/staff\/queues\/unassigned/);
  await context.close();
});
