import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { intakeResponseSchema } from '@sg/contracts/schemas';
import { expectNoAxeViolations } from './support/axe';
import { signIn } from './support/staff';
import { bodyOf } from './support/api';

/**
 * The conversation, both sides at once: the person on a phone-sized page writes, the caseworker
 * sees it arrive live and answers, and the person sees the answer without reloading.
 */
test('the person and the caseworker talk through the case, live on both sides', async ({ browser, request }) => {
  // Two browsers, a sign-in and two axe scans: more than the default 30 s on a 2-core machine.
  test.setTimeout(90_000);
  const intake = await request.post('/api/intakes', {
    headers: { 'Idempotency-Key': `e2e-${randomUUID()}` },
    data: {
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
      platforms: [{ platform: 'Snapchat', offenderHandle: `conv_${randomUUID().slice(0, 8)}` }],
      contentUrls: [],
      narrative: 'Someone I met online is asking for money.',
      contact: { channel: 'none', canMentionOrganisation: false, declined: true },
      consent: { storeData: true, contactMe: false },
    },
  });
  expect(intake.status()).toBe(201);
  const { reference, accessCode } = await bodyOf(intake, intakeResponseSchema);

  // The person, on a phone.
  const personContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const person = await personContext.newPage();
  await person.goto('/my-case');
  await person.getByLabel('Reference').fill(reference);
  await person.getByLabel('Access code').fill(accessCode);
  await person.getByRole('button', { name: 'Open my case' }).click();
  await expect(person.getByRole('heading', { level: 2, name: 'Messages' })).toBeVisible();
  await expect(person.getByText('No messages yet.')).toBeVisible();
  // The tab keeps only the short-lived session: never the access code (nor the reference).
  const kept = await person.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
  expect(kept).not.toContain(accessCode);
  expect(kept).not.toContain(reference);
  // A reload keeps the case open through the session alone.
  await person.reload();
  await expect(person.getByRole('heading', { level: 1, name: `Your case ${reference}` })).toBeVisible();
  await expect(person.getByRole('heading', { level: 2, name: 'Messages' })).toBeVisible();
  await person.getByLabel('Write to us').fill('Hello, is anyone there? He wants £500 by tonight.');
  await person.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(person.getByTestId('person-messages').locator('li[data-from="person"]')).toHaveCount(1);
  await expect(person.getByLabel('Write to us')).toHaveValue('');
  // A picture link gets a gentle word, not a refusal.
  await person.getByLabel('Write to us').fill('this is him https://i.imgur.com/abc.jpg');
  await expect(person.getByTestId('media-warning')).toBeVisible();
  await person.getByLabel('Write to us').fill('');
  await expectNoAxeViolations(person);

  // The caseworker opens the case, claims it and reads the conversation.
  const staff = await signIn(browser, 'caseworker@demo.test');
  await staff.page.getByLabel('Search cases by reference, handle or web address').fill(reference);
  await staff.page.keyboard.press('Enter');
  await staff.page
    .locator('.sg-case-list')
    .getByRole('link', { name: new RegExp(reference) })
    .click();
  const caseView = staff.page.locator('sg-case-view');
  await caseView.getByRole('button', { name: 'Claim' }).click();
  await expect(caseView).toContainText('Casey Caseworker');
  await caseView.getByRole('tab', { name: 'Conversation' }).click();
  const staffMessages = caseView.getByTestId('conversation-messages');
  await expect(staffMessages).toContainText('He wants £500 by tonight.');
  await expect(caseView.getByTestId('first-contact')).toContainText('your first message is the first contact');

  // The person writes again: it arrives on the open tab without anyone reloading.
  await person.getByLabel('Write to us').fill('Please answer, I am scared.');
  await person.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(staffMessages).toContainText('Please answer, I am scared.', { timeout: 5_000 });

  // A call made outside the product counts as first contact once recorded.
  await caseView.getByTestId('record-contact').locator('summary').click();
  await caseView.getByLabel('How').selectOption('phone');
  await caseView.getByRole('button', { name: 'Record contact' }).click();
  await expect(caseView.getByTestId('first-contact')).toContainText(/First contact\s+\d/);

  // The caseworker answers with a saved reply, edited; the person's page shows it without a reload.
  await caseView.getByRole('button', { name: 'Saved replies' }).click();
  await staff.page.getByRole('menuitem', { name: "Please don't pay" }).click();
  const box = caseView.getByLabel('Message to the person');
  await expect(box).toHaveValue(/Please do not pay them/);
  await box.fill(`${await box.inputValue()}\n\nYou are not in trouble. We will help you report the account.`);
  await caseView.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(staffMessages.locator('li[data-from="staff"]')).toHaveCount(1);
  await expect(caseView.getByTestId('first-contact')).toContainText(/First contact\s+\d/);
  await expect(person.getByTestId('person-messages').locator('li[data-from="staff"]')).toContainText('Please do not pay', { timeout: 5_000 });
  await expect(person.getByTestId('person-messages').locator('li[data-from="staff"]')).toContainText('Support team');
  await expectNoAxeViolations(staff.page);
  await expectNoAxeViolations(person);

  // Quick exit ends the person's session on the server: the old token opens nothing.
  const stored = await person.evaluate(() => sessionStorage.getItem('sg.my-case-conversation'));
  const token = z.string().parse(JSON.parse(stored ?? 'null'));
  expect(token).toBeTruthy();
  const ended = person.waitForRequest((req) => req.url().endsWith('/api/conversation/session') && req.method() === 'DELETE');
  await person.getByRole('link', { name: 'Quick exit' }).first().click();
  await ended;
  await expect.poll(async () => (await request.get('/api/conversation', { headers: { 'X-Case-Session': token } })).status(), { timeout: 5_000 }).toBe(401);

  await staff.context.close();
  await personContext.close();
});
