import { APIRequestContext, Browser, expect, Page, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import type { Language } from '@sg/domain';
import { translatorFor } from '@sg/i18n/server';
import { loginResponseSchema } from '@sg/contracts/schemas';
import { expectNoAxeViolations } from './support/axe';
import { DEMO_PASSWORD, submitIntake } from './support/staff';
import { bodyOf } from './support/api';

/**
 * The same frightened teenager, on a phone whose browser prefers Malay or Spanish: the front door
 * opens in their language, the crisis panel, the result (plan and resources) and my-case speak
 * it, and the case records it. The words come from the catalogues the pages use, so this checks
 * that each screen says its own language's words (and no raw key), not a copy of today's wording.
 */
const say = (language: Language, key: string, params?: Record<string, string | number>) => translatorFor(language).t(key, params);

async function expectNoRawKeys(page: Page): Promise<void> {
  await expect(page.locator('main')).not.toContainText(/\bperson\.[a-zA-Z]+\.[a-zA-Z]/);
}

for (const [language, browserLocale] of [
  ['ms', 'ms-MY'],
  ['es', 'es-MX'],
] as const) {
  test.describe(`the person's pages in ${language}`, () => {
    test.use({ viewport: { width: 360, height: 740 }, locale: browserLocale, hasTouch: true });

    test(`asks for help, sees the crisis panel, gets a plan and comes back, all in ${language}`, async ({ page }) => {
      // The whole journey with six axe scans, like the English one.
      test.setTimeout(90_000);
      await page.goto('/');
      // A first visit goes to the browser's preferred language, and the page says which it is.
      await expect(page).toHaveURL(new RegExp(`/${language}$`));
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(say(language, 'person.home.title'));
      await expect(page.getByRole('link', { name: say(language, 'person.quickExit.link') })).toBeVisible();
      // The switch names English in English, one tap away.
      await expect(page.getByRole('link', { name: 'English' })).toBeVisible();
      await expectNoRawKeys(page);
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: say(language, 'person.home.start') }).click();
      await expect(page).toHaveURL(new RegExp(`/${language}/help$`));

      // 1: about you
      await expect(page.getByRole('heading', { level: 1 })).toContainText(say(language, 'person.intake.titles.about.you'));
      await expectNoRawKeys(page);
      await expectNoAxeViolations(page);
      await page.getByLabel(say(language, 'person.intake.about.submitter.victim')).check();
      await page.getByLabel(say(language, 'person.intake.about.ageBand.13_17')).check();
      await page.getByRole('button', { name: say(language, 'person.intake.next') }).click();

      // 2: the crisis panel appears in the language the moment they say they have had such thoughts.
      await expect(page.getByRole('heading', { level: 1 })).toContainText(say(language, 'person.intake.titles.safety.you'));
      await page.getByLabel(say(language, 'person.intake.safety.thoughtsYou')).check();
      const crisis = page.locator('.crisis-alert[role="alert"]');
      await expect(crisis).toContainText(say(language, 'person.intake.safety.crisis.title'));
      await crisis.locator('select').selectOption('MY');
      await expect(crisis.locator('a[href^="tel:"]').first()).toBeVisible();
      await expectNoRawKeys(page);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: say(language, 'person.intake.next') }).click();

      // 3 and 4: every question may be skipped.
      await expect(page.getByRole('heading', { level: 1 })).toContainText(say(language, 'person.intake.titles.happening.you'));
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: say(language, 'person.intake.next') }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(say(language, 'person.intake.titles.where.you'));
      await expectNoRawKeys(page);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: say(language, 'person.intake.next') }).click();

      // 5: consent, then send; the request carries the language.
      await expect(page.getByRole('heading', { level: 1 })).toContainText(say(language, 'person.intake.titles.contact.you'));
      await page.getByLabel(say(language, 'person.intake.contact.storeData')).check();
      await expectNoAxeViolations(page);
      const sent = page.waitForRequest((request) => request.url().endsWith('/api/intakes') && request.method() === 'POST');
      await page.getByRole('button', { name: say(language, 'person.intake.send') }).click();
      expect((await sent).postDataJSON()).toMatchObject({ language });

      // The result: reference, code, plan and resources in the language.
      await expect(page.getByRole('heading', { level: 1, name: say(language, 'person.result.title') })).toBeVisible();
      const reference = (await page.locator('#reference').innerText()).trim();
      const accessCode = (await page.locator('#access-code').innerText()).trim();
      await expect(page.getByRole('heading', { name: say(language, 'person.result.planHeading') })).toBeVisible();
      await expect(page.getByRole('heading', { name: say(language, 'person.result.resourcesHeading') })).toBeVisible();
      // The first step of a plan for someone with thoughts of self-harm is getting safe.
      await expect(page.locator('main')).toContainText(say(language, 'person.plan.get_safe_now.title', { voice: 'self', them: 'self' }));
      await expectNoRawKeys(page);
      await expectNoAxeViolations(page);

      // Later: my-case in the same language, opened with the reference and code.
      await page.goto(`/${language}/my-case`);
      await page.getByLabel(say(language, 'person.myCase.signIn.reference')).fill(reference);
      await page.getByLabel(say(language, 'person.myCase.signIn.accessCode')).fill(accessCode);
      await page.getByRole('button', { name: say(language, 'person.myCase.signIn.open') }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
      await expect(page.locator('main')).toContainText(say(language, 'person.caseStatus.new'));
      await expectNoRawKeys(page);
      await expectNoAxeViolations(page);
    });
  });
}

test.describe('the dashboard in Malay', () => {
  async function signInAs(browser: Browser, email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto('/staff/sign-in');
    await page.getByLabel(/Email|E-mel/).fill(email);
    await page.getByLabel(/Password|Kata laluan/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /Sign in|Log masuk/ }).click();
    await expect(page).toHaveURL(/\/staff\/queues\/unassigned/);
    return page;
  }

  /** A caseworker of this test's own (other specs run in parallel with the demo accounts). */
  async function newCaseworker(request: APIRequestContext): Promise<string> {
    const login = await request.post('/api/auth/login', {
      data: { email: 'admin@demo.test', password: DEMO_PASSWORD },
      headers: { 'X-Requested-With': 'safeguard-triage' },
    });
    expect(login.status(), await login.text()).toBe(200);
    const email = `malay-${randomUUID().slice(0, 8)}@demo.test`;
    const created = await request.post('/api/staff', {
      data: { email, displayName: 'Mira Caseworker', role: 'caseworker', password: DEMO_PASSWORD },
      headers: { Authorization: `Bearer ${(await bodyOf(login, loginResponseSchema)).accessToken}`, 'X-Requested-With': 'safeguard-triage' },
    });
    expect(created.status(), await created.text()).toBe(201);
    return email;
  }

  test('a caseworker switches to Malay and works a case in it; the case shows the person language', async ({ browser, request }) => {
    test.setTimeout(90_000);
    const reference = await submitIntake(request, {
      submittedBy: 'victim',
      channel: 'web',
      ageBand: '13_17',
      contentMadeUnder18: true,
      country: 'MY',
      selfHarm: 'none',
      immediateDanger: false,
      deadlineAt: null,
      demands: ['money'],
      contentPosted: 'no',
      stillInContact: true,
      paid: false,
      platforms: [],
      contentUrls: [],
      language: 'ms',
      contact: { channel: 'none', canMentionOrganisation: false },
      consent: { storeData: true, contactMe: false },
    });
    const email = await newCaseworker(request);
    const page = await signInAs(browser, email);
    await page.getByLabel(say('en', 'staff.language.label')).selectOption('ms');
    // Switched at once, without a reload, and kept with the account.
    await expect(page.locator('html')).toHaveAttribute('lang', 'ms');
    await expect(page.getByRole('link', { name: new RegExp(say('ms', 'staff.common.queues.unassigned')) }).first()).toBeVisible();

    const row = page.locator('.sg-case-list').getByRole('link', { name: new RegExp(reference) });
    await row.click();
    const caseView = page.locator('sg-case-view');
    await expect(caseView.getByRole('heading', { name: reference })).toBeVisible();
    // The person wrote in Malay: the case's facts say so, in the language's own name.
    await caseView.getByRole('tab', { name: say('ms', 'staff.case.view.tabFacts') }).click();
    await expect(caseView.locator('dd[lang="ms"]')).toHaveText('Bahasa Melayu');
    await caseView.getByRole('button', { name: say('ms', 'staff.case.view.claim') }).click();
    await caseView.getByRole('tab', { name: new RegExp(say('ms', 'staff.case.view.tabNotes', { count: 0 }).replace(/\s*\(0\)/, '')) }).click();
    await caseView.getByLabel(say('ms', 'staff.case.notes.new')).fill('Sudah menghubungi; dia selamat.');
    await caseView.getByRole('button', { name: say('ms', 'staff.case.notes.add') }).click();
    await expect(caseView.getByText('Sudah menghubungi; dia selamat.')).toBeVisible();
    await expect(page.locator('body')).not.toContainText(/\bstaff\.[a-z]+\.[a-zA-Z]/);
    await expectNoAxeViolations(page);

    // The choice stays with the account: a new sign-in opens in Malay.
    const again = await signInAs(browser, email);
    await expect(again.locator('html')).toHaveAttribute('lang', 'ms');
    await expect(again.getByLabel(say('ms', 'staff.language.label'))).toHaveValue('ms');
  });
});
