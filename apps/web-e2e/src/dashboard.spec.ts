import { expect, Page, test } from '@playwright/test';
import { createHash, randomUUID } from 'node:crypto';
import { intakeResponseSchema } from '@sg/contracts/schemas';
import { expectNoAxeViolations } from './support/axe';
import { signIn, submitIntake as submit } from './support/staff';
import { bodyOf } from './support/api';

/**
 * The staff dashboard against the real stack: a case submitted through the API arrives live,
 * two caseworkers race for it, one works it, a supervisor rebalances. The demo accounts are
 * seeded by the API at start (see support/staff.ts).
 */
const CASEWORKER = 'caseworker@demo.test';
const CASEWORKER_2 = 'caseworker2@demo.test';
const SUPERVISOR = 'supervisor@demo.test';

// Wide enough for the list and the case side by side.
test.use({ viewport: { width: 1440, height: 900 } });
test.describe.configure({ mode: 'serial' });

/** An intake as a frightened 15-year-old might send it, with a plan to self-harm: an emergency. */
function emergencyIntake(): Record<string, unknown> {
  return {
    submittedBy: 'victim',
    channel: 'web',
    ageBand: '13_17',
    contentMadeUnder18: true,
    country: 'US',
    selfHarm: 'plan_or_intent',
    immediateDanger: false,
    deadlineAt: null,
    demands: ['money'],
    contentPosted: 'no',
    stillInContact: true,
    paid: false,
    platforms: [{ platform: 'Instagram', offenderHandle: `e2e_${randomUUID().slice(0, 8)}` }],
    contentUrls: [],
    narrative: 'They say they will post my pictures tonight unless I pay.',
    contact: { channel: 'email', value: 'e2e-person@example.org', canMentionOrganisation: false },
    consent: { storeData: true, contactMe: true },
  };
}

/**
 * Axe once no snack bar is showing: one closing on its timer in the middle of a scan is caught
 * half faded and reads as low contrast, which is not what anyone sees.
 */
async function expectAccessible(page: Page): Promise<void> {
  await expect(page.locator('mat-snack-bar-container')).toHaveCount(0, { timeout: 10_000 });
  await expectNoAxeViolations(page);
}

const row = (page: Page, reference: string) => page.locator('.sg-case-list').getByRole('link', { name: new RegExp(reference) });

let reference = '';

test('sign-in says plainly when the password is wrong, and is accessible', async ({ page }) => {
  await page.goto('/staff/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Email').fill(CASEWORKER);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Email or password is not right');
});

test('a caseworker sees a new case arrive live, claims it while a colleague watches it leave, and works it', async ({ browser, request }) => {
  // Two browsers and six accessibility scans on two cores: more than the default 30 s.
  test.slow();
  const casey = await signIn(browser, CASEWORKER);
  const charlie = await signIn(browser, CASEWORKER_2);
  const page = casey.page;

  // Submitted through the API: both dashboards show it without a reload, and the emergency
  // banner appears (never silent).
  reference = await submit(request, emergencyIntake());
  await expect(row(page, reference)).toBeVisible({ timeout: 5_000 });
  await expect(row(charlie.page, reference)).toBeVisible({ timeout: 5_000 });
  const banner = page.getByRole('alert').filter({ hasText: `New emergency case ${reference}` });
  await expect(banner).toBeVisible();
  await expect(row(page, reference)).toContainText('Emergency');
  await expect(row(page, reference)).toContainText('Has a plan or intent to self-harm');
  await expect(row(page, reference)).toContainText(/due in \d+ min/);
  // The queue with rows in it and the emergency banner showing: what a caseworker looks at most.
  await expectAccessible(page);

  // Open it beside the list and claim it; Charlie's Unassigned list loses it within a second.
  await row(page, reference).click();
  const caseView = page.locator('sg-case-view');
  await expect(caseView.getByRole('heading', { name: reference })).toBeVisible();
  await expect(caseView).toContainText('Why Emergency');
  // List, open case and banner together, in the light theme and in the dark one.
  await expect(banner).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'false');
  const claimed = page.waitForResponse((response) => response.url().endsWith('/claim') && response.request().method() === 'POST');
  await caseView.getByRole('button', { name: 'Claim' }).click();
  expect((await claimed).status()).toBe(200);
  await expect(row(charlie.page, reference)).toHaveCount(0, { timeout: 1_000 });
  await expect(caseView).toContainText('Casey Caseworker');
  await expect(caseView.getByRole('button', { name: /Status: In progress/ })).toBeVisible();

  // Plan: tick the first step; it is saved at once.
  const firstStep = caseView.getByRole('checkbox').first();
  const stepSaved = page.waitForResponse((response) => response.url().includes('/plan-steps/') && response.request().method() === 'PATCH');
  await firstStep.check();
  expect((await stepSaved).status()).toBe(200);
  await expect(firstStep).toBeChecked();
  await expect(caseView.getByText(/^1 of \d+ steps done/)).toBeVisible();

  // Evidence, with a fingerprint made in the browser: only the hash and the name are sent.
  await caseView.getByRole('tab', { name: /Evidence/ }).click();
  await caseView.getByLabel('Handle of the person threatening').fill('dark.rose.77');
  await caseView.getByLabel('Description').fill('Message threatening to post pictures at 9 pm unless $300 is paid.');
  const fileBytes = Buffer.from('a screenshot of the threat (stands in for an image file)');
  await caseView.getByLabel('Choose a file').setInputFiles({ name: 'threat.png', mimeType: 'image/png', buffer: fileBytes });
  const expectedHash = createHash('sha256').update(fileBytes).digest('hex');
  await expect(caseView.getByText(expectedHash)).toBeVisible();
  const evidenceSent = page.waitForRequest((req) => req.url().endsWith('/evidence') && req.method() === 'POST');
  await caseView.getByRole('button', { name: 'Add evidence' }).click();
  const evidenceBody: unknown = (await evidenceSent).postDataJSON();
  expect(evidenceBody).toMatchObject({ kind: 'threat_message', offenderHandle: 'dark.rose.77', sha256: expectedHash, fileName: 'threat.png' });
  expect(JSON.stringify(evidenceBody)).not.toContain(fileBytes.toString('base64'));
  await expect(caseView.getByRole('tab', { name: 'Evidence (1)' })).toBeVisible();
  await expect(caseView.getByText('Message threatening to post pictures')).toBeVisible();
  // A saved form starts empty and calm: no "is required" under its fields.
  await expect(caseView.getByText('Description is required')).toHaveCount(0);

  // A note for colleagues.
  await caseView.getByRole('tab', { name: /Notes/ }).click();
  await caseView.getByLabel('New note').fill('Called back; they are safe with a parent now.');
  await caseView.getByRole('button', { name: 'Add note' }).click();
  await expect(caseView.getByText('Called back; they are safe with a parent now.')).toBeVisible();
  await expect(caseView.getByRole('tab', { name: 'Notes (1)' })).toBeVisible();
  await expect(caseView.getByText('The note is required')).toHaveCount(0);

  // Waiting on the person.
  await caseView.getByRole('button', { name: /Status: In progress/ }).click();
  await page.getByRole('menuitem', { name: 'Move to Waiting' }).click();
  await expect(caseView.getByRole('button', { name: /Status: Waiting/ })).toBeVisible();

  // The facts tab, with its corrections form, is accessible too.
  await caseView.getByRole('tab', { name: 'Facts' }).click();
  await expect(caseView.getByRole('heading', { name: 'Correct the facts' })).toBeVisible();
  await expectAccessible(page);

  // Search from the top bar finds the case from any queue: it is no longer unassigned, and
  // Charlie (who does not hold it) does not find it.
  await page.getByRole('link', { name: /^Unassigned/ }).click();
  await page.getByLabel('Search cases by reference, handle or web address').fill(reference.slice(0, 7).toLowerCase());
  await page.getByLabel('Search cases by reference, handle or web address').press('Enter');
  await expect(page).toHaveURL(/\/staff\/queues\/search\?q=/);
  await expect(row(page, reference)).toBeVisible();
  await charlie.page.getByLabel('Search cases by reference, handle or web address').fill(reference);
  await charlie.page.getByLabel('Search cases by reference, handle or web address').press('Enter');
  await expect(charlie.page.getByText('No cases match. Search finds a case reference or its beginning')).toBeVisible();
  await row(page, reference).click();
  await expect(caseView.getByRole('heading', { name: reference })).toBeVisible();

  // The case on its own page is accessible too.
  await caseView.getByRole('link', { name: 'Open the case as a full page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: reference })).toBeVisible();
  await expectAccessible(page);

  await casey.context.close();
  await charlie.context.close();
});

test('a fact learned on the phone raises a case to emergency, and everyone sees the banner', async ({ browser, request }) => {
  test.slow();
  const casey = await signIn(browser, CASEWORKER);
  const charlie = await signIn(browser, CASEWORKER_2);
  const adult = { ...emergencyIntake(), ageBand: '18_plus', contentMadeUnder18: false, selfHarm: 'none', stillInContact: false, demands: ['more_images'] };
  const calm = await submit(request, adult);
  await expect(row(casey.page, calm)).toBeVisible({ timeout: 5_000 });
  await expect(row(casey.page, calm)).toContainText('Standard');

  // Casey, on the phone, learns the person is in danger right now, and corrects the facts.
  await row(casey.page, calm).click();
  const caseView = casey.page.locator('sg-case-view');
  await caseView.getByRole('tab', { name: 'Facts' }).click();
  await caseView.getByRole('combobox', { name: 'In immediate danger' }).click();
  await casey.page.getByRole('option', { name: 'Yes' }).click();
  const saved = casey.page.waitForResponse((response) => response.request().method() === 'PATCH' && /\/api\/cases\/[^/]+$/.test(response.url()));
  await caseView.getByRole('button', { name: 'Save facts' }).click();
  expect((await saved).status()).toBe(200);
  await expect(caseView).toContainText('Why Emergency');
  await expect(caseView.getByRole('tab', { name: /^Plan/ })).toBeVisible();

  // Nobody holds it yet: Charlie's dashboard announces it.
  await expect(charlie.page.getByRole('alert').filter({ hasText: `${calm} is now an emergency` })).toBeVisible({ timeout: 5_000 });
  await casey.context.close();
  await charlie.context.close();
});

test('what the person adds on their case page reaches the staff in their own words, and rings the bell', async ({ browser, request }) => {
  const intake = await request.post('/api/intakes', { data: emergencyIntake(), headers: { 'Idempotency-Key': `e2e-${randomUUID()}` } });
  expect(intake.status()).toBe(201);
  const { reference: ref, accessCode } = await bodyOf(intake, intakeResponseSchema);
  const words = 'He now says 2 hours. He found my school on my profile.';
  const added = await request.post('/api/case-access/additions', { data: { reference: ref, accessCode, note: words } });
  expect(added.status()).toBe(200);

  // Nobody holds the case: the supervisors hear of it.
  const sam = await signIn(browser, SUPERVISOR);
  await sam.page.getByRole('button', { name: /^Notifications, / }).click();
  const panel = sam.page.locator('#notification-panel');
  await expect(panel.getByRole('listitem').filter({ hasText: ref }).filter({ hasText: 'The person added information' })).toBeVisible({ timeout: 10_000 });
  await panel
    .getByRole('link', { name: `Open case ${ref}` })
    .first()
    .click();
  const caseView = sam.page.locator('sg-case-view');
  await caseView.getByRole('tab', { name: /^Timeline/ }).click();
  await expect(caseView.getByTestId('person-note')).toHaveText(words);
  await sam.context.close();
});

test('a supervisor opens queue health and reassigns a case', async ({ browser }) => {
  test.slow();
  expect(reference, 'the previous test creates the case').not.toBe('');
  const { context, page } = await signIn(browser, SUPERVISOR);
  await page.getByRole('link', { name: 'Queue health' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Queue health' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Open cases by priority and age' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Dark theme' }).click();

  // Casey holds the case: from the load list to Casey's cases, then hand it to Charlie.
  const load = page.locator('.load li').filter({ hasText: 'Casey Caseworker' });
  await expect(load).toContainText(/[1-9]\d* open/);
  await load.getByRole('link', { name: 'Casey Caseworker', exact: true }).click();
  await expect(page).toHaveURL(/\/staff\/queues\/all\?assignee=/);
  await row(page, reference).click();
  const caseView = page.locator('sg-case-view');
  await caseView.getByRole('button', { name: 'Reassign' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Assign to' }).click();
  await page.getByRole('option', { name: /Charlie Caseworker/ }).click();
  await dialog.getByRole('button', { name: 'Assign' }).click();
  await expect(dialog).toBeHidden();
  await expect(caseView).toContainText('Charlie Caseworker');
  await context.close();
});
