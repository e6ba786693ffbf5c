import { expect, Page, test } from '@playwright/test';
import { intakeResponseSchema } from '@sg/contracts/schemas';
import { expectNoAxeViolations } from './support/axe';
import { bodyOf } from './support/api';

/**
 * A frightened 15-year-old on a phone: asks for help, sees crisis lines the moment they say they
 * have had thoughts of self-harm, sends the form, gets a reference, a code and a plan, and later
 * comes back with them. Runs against the real stack (API, worker, database).
 */
test.use({ viewport: { width: 360, height: 740 }, locale: 'en-GB', hasTouch: true });

const QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather';

/** `2026-11-23T18:00` for an <input type="datetime-local">, a day and a bit from now. */
function localDeadline(hoursAhead: number): string {
  const at = new Date(Date.now() + hoursAhead * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

async function expectStep(page: Page, step: number, title: string, { afterNext = step > 1 } = {}): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText(`Step ${step} of 5`);
  await expect(heading).toContainText(title);
  // `/help` arrives prerendered and inert until the app has taken it over (InertUntilReady).
  await expect(page.locator('sg-intake-page')).not.toHaveAttribute('inert');
  // Focus follows the screen change, so a screen reader starts at the new question group.
  if (afterNext) await expect(heading).toBeFocused();
}

/** The neutral site quick exit leaves for, answered locally (this machine has no internet). */
async function stubQuickExitSite(page: Page): Promise<void> {
  await page.route(`${QUICK_EXIT_URL}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' }));
}

/** Escape twice: quick exit wipes the tab and leaves for the neutral site. */
async function quickExitWithEscape(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.waitForURL(QUICK_EXIT_URL);
}

async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Next' }).click();
}

test('asking for help, seeing crisis lines at once, getting a plan, and coming back to the case', async ({ page }) => {
  // The whole journey with five axe scans: 20-25 s alone, past the 30 s default on a loaded 2-core machine.
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(page.getByText('Do not pay. Do not send anything more.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Quick exit' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Get help now' }).click();

  // 1: about you
  await expectStep(page, 1, 'About you');
  await expectNoAxeViolations(page);
  await page.getByLabel('Me. This is happening to me.').check();
  await page.getByLabel('13 to 17').check();
  await page.getByLabel('Yes, under 18').check();
  await next(page);

  // 2: are you safe: the crisis panel appears on this screen, before anything is sent
  await expectStep(page, 2, 'Are you safe right now?');
  const crisis = page.locator('.crisis-alert[role="alert"]');
  await expect(crisis).not.toContainText('Please get help now');
  await page.getByLabel('Yes, I have had thoughts like this').check();
  await expect(crisis).toContainText('Please get help now');
  await crisis.getByLabel(/Choose your country/).selectOption('GB');
  await expect(crisis.getByRole('link', { name: '116 123' })).toHaveAttribute('href', 'tel:116123');
  await expect(crisis.locator('a[href^="tel:"]').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('group', { name: 'Are you in danger right now?' }).getByLabel('No', { exact: true }).check();
  await next(page);

  // 3: what is happening
  await expectStep(page, 3, 'What is happening');
  await page.getByLabel('Money, gift cards or crypto').check();
  await page.getByLabel('Did they give a deadline?').fill(localDeadline(30));
  await page.getByLabel('No, not that I know of').check();
  await page.getByRole('group', { name: 'Are you still talking to them?' }).getByLabel('Yes', { exact: true }).check();
  await page.getByRole('group', { name: 'Have you paid them anything?' }).getByLabel('No', { exact: true }).check();
  await expectNoAxeViolations(page);
  await next(page);

  // 4: where (the country came from the crisis panel; no upload anywhere)
  await expectStep(page, 4, 'Where it is happening');
  await expect(page.getByText('We never need the pictures or videos themselves.')).toBeVisible();
  await expect(page.locator('input[type="file"]')).toHaveCount(0);
  await expect(page.getByLabel('Which country do you live in?')).toHaveValue('GB');
  await page.getByLabel('Which app, game or site?').fill('Instagram');
  await page.getByLabel('Their username or name there').fill('bad.actor.2026');
  await page.getByLabel('Link to their profile').fill('not a link');
  await next(page);
  // A broken link is caught before anything is sent, and explained beside the field.
  await expect(page.getByRole('alert').filter({ hasText: 'Please check this answer' })).toBeVisible();
  await expect(page.getByLabel('Link to their profile')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await page.getByLabel('Link to their profile').fill('instagram.com/bad.actor.2026');
  await next(page);

  // 5: contact and consent
  await expectStep(page, 5, 'How we can reach you');
  await page.getByLabel('What should we call you? (optional)').fill('Sam');
  await page.getByLabel('Email', { exact: true }).check();
  await page.getByLabel('Your email address').fill('sam@example.com');
  await page.getByRole('group', { name: 'Can we say who we are when we contact you?' }).getByLabel('No', { exact: true }).check();
  await page.getByLabel(/I agree that you keep my answers/).check();
  await page.getByLabel('You may contact me in the way I chose above.').check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Send to our team' }).click();

  // The result: reference and code, large and copyable; a plan tailored to a 15-year-old with
  // thoughts of self-harm and a money demand; contacts for the UK.
  await expect(page.getByRole('heading', { level: 1, name: 'We have your answers' })).toBeVisible();
  const reference = (await page.locator('#reference').innerText()).trim();
  const accessCode = (await page.locator('#access-code').innerText()).trim();
  expect(reference).toMatch(/^SG-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(accessCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  await expect(page.getByText('We cannot show the code again.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy' })).toHaveCount(2);
  await expect(page.getByText('within an hour')).toBeVisible();
  const plan = page.locator('ol.plan');
  await expect(plan).toContainText('Get safe right now');
  await expect(plan).toContainText('Report it to child protection');
  await expect(plan).toContainText('Use Take It Down');
  await expect(plan).toContainText('Report the money demand');
  await expect(plan).not.toContainText('StopNCII');
  await expect(page.getByRole('heading', { name: 'If you are in danger or might hurt yourself' })).toBeVisible();
  await expect(page.getByText('CEOP (National Crime Agency)', { exact: true })).toBeVisible();
  await expect(page.getByText('Take It Down (NCMEC)', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing of the form, and never the code, stays in the tab.
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
  expect(stored).not.toContain(accessCode);
  expect(stored).not.toContain('bad.actor.2026');

  // Coming back later, with the reference and code only.
  await page.getByRole('link', { name: 'Come back to your case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Come back to your case' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Reference').fill(reference);
  await page.getByLabel('Access code').fill('AAAA-BBBB-CCCC-DDDD');
  await page.getByRole('button', { name: 'Open my case' }).click();
  await expect(page.getByText('We could not find a case with that reference and code.')).toBeVisible();

  await page.getByLabel('Access code').fill(accessCode.toLowerCase());
  await page.getByRole('button', { name: 'Open my case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Your case ${reference}` })).toBeVisible();
  await expect(page.getByText('Received: someone will pick it up soon')).toBeVisible();

  const step = page.getByRole('checkbox', { name: /Do not pay and do not send anything more/ });
  await expect(step).not.toBeChecked();
  await step.check();
  await expect(step).toBeChecked();
  await expect(step).toBeEnabled();
  await expect(page.locator('.plan-progress')).toContainText('1 of');

  await page.getByLabel('What has happened since? (optional)').fill('They sent another message tonight.');
  await page.getByRole('button', { name: 'Add to my case' }).click();
  await expect(page.getByText('Thank you. We added this to your case.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What you added' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A reload keeps the case open for the tab, and the tick was saved on the server.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `Your case ${reference}` })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Do not pay and do not send anything more/ })).toBeChecked();
  // A fresh visit after closing the case asks for the code again, and then shows the tick.
  await page.getByRole('button', { name: 'Close my case on this device' }).click();
  await page.reload();
  await page.getByLabel('Reference').fill(reference);
  await page.getByLabel('Access code').fill(accessCode);
  await page.getByRole('button', { name: 'Open my case' }).click();
  await expect(page.getByRole('checkbox', { name: /Do not pay and do not send anything more/ })).toBeChecked();
  // Quick exit forgets the open case.
  await stubQuickExitSite(page);
  await quickExitWithEscape(page);
  await page.goto('/my-case');
  await expect(page.getByRole('heading', { level: 1, name: 'Come back to your case' })).toBeVisible();
});

test('answers survive a reload, and quick exit (Escape twice) wipes them and leaves for a neutral site', async ({ page }) => {
  await stubQuickExitSite(page);
  await page.goto('/help');
  await page.getByLabel('13 to 17').check();
  await next(page);
  await expectStep(page, 2, 'Are you safe right now?');
  await page.reload();
  await expectStep(page, 2, 'Are you safe right now?', { afterNext: false });
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('13 to 17')).toBeChecked();

  await quickExitWithEscape(page);

  await page.goto('/help');
  await expectStep(page, 1, 'About you', { afterNext: false });
  await expect(page.getByLabel('13 to 17')).not.toBeChecked();
});

test('while the directory cannot be reached, the crisis panel still says what to do, and tries again', async ({ page }) => {
  // The directory is the only source of helplines (admins keep it right); here it is down.
  await page.route('**/api/resources**', (route) => route.abort('connectionfailed'));
  await page.goto('/');
  const panel = page.locator('.crisis-panel').first();
  await expect(panel).toContainText('If you are in danger now, call');
  await expect(panel).toContainText('We could not load the helplines just now');
  // The emergency number is built into the page: it shows for the chosen country without the directory.
  await panel.getByLabel(/Choose your country/).selectOption('FR');
  await expect(panel.getByTestId('emergency-number').getByRole('link', { name: '112' })).toHaveAttribute('href', 'tel:112');
  await expectNoAxeViolations(page);

  await page.unroute('**/api/resources**');
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(panel).not.toContainText('We could not load the helplines');
  await panel.getByLabel(/Choose your country/).selectOption('GB');
  await expect(panel.getByRole('link', { name: '116 123' })).toHaveAttribute('href', 'tel:116123');
});

/** The shortest honest intake: an adult, the given country, optionally at risk, "Do not contact me". */
async function sendShortIntake(page: Page, { country, atRisk }: { country: string; atRisk: boolean }): Promise<void> {
  await page.goto('/help');
  await expectStep(page, 1, 'About you', { afterNext: false });
  await page.getByLabel('18 or older', { exact: true }).check();
  await next(page);
  await expectStep(page, 2, 'Are you safe right now?');
  await page
    .getByRole('group', { name: /hurt yourself|thoughts/i })
    .getByLabel(atRisk ? 'Yes, I have had thoughts like this' : 'No', { exact: true })
    .check();
  await page.getByRole('group', { name: 'Are you in danger right now?' }).getByLabel('No', { exact: true }).check();
  await next(page);
  await expectStep(page, 3, 'What is happening');
  await next(page);
  await expectStep(page, 4, 'Where it is happening');
  await page.getByLabel('Which country do you live in?').selectOption(country);
  await next(page);
  await expectStep(page, 5, 'How we can reach you');
  await page.getByLabel('Do not contact me. I will come back to this site myself.').check();
  await page.getByLabel(/I agree that you keep my answers/).check();
}

test('a Malaysian adult not at risk sees 999; after a reload the plan and contacts stay, the code does not', async ({ page }) => {
  await stubQuickExitSite(page);
  await sendShortIntake(page, { country: 'MY', atRisk: false });
  await page.getByRole('button', { name: 'Send to our team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'We have your answers' })).toBeVisible();
  const reference = (await page.locator('#reference').innerText()).trim();
  const accessCode = (await page.locator('#access-code').innerText()).trim();
  await expect(page.getByTestId('emergency-number').getByRole('link', { name: '999' })).toHaveAttribute('href', 'tel:999');
  await expect(page.getByTestId('contact-choice')).toHaveText(/^You asked us not to contact you/);
  await expect(page.getByText('Royal Malaysia Police (PDRM), Commercial Crime Investigation Department', { exact: true })).toBeVisible();
  await expect(page.getByText('Find A Helpline')).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'We have your answers' })).toBeVisible();
  await expect(page.getByTestId('code-hidden')).toContainText(reference);
  await expect(page.locator('#access-code')).toHaveCount(0);
  expect(await page.content()).not.toContain(accessCode);
  await expect(page.locator('ol.plan')).toContainText('Do not pay');
  await expect(page.getByTestId('emergency-number').getByRole('link', { name: '999' })).toBeVisible();
  await expect(page.getByTestId('code-hidden').getByRole('link', { name: 'come back to your case' })).toHaveAttribute('href', '/my-case');
  await expectNoAxeViolations(page);

  // Quick exit wipes what the reload kept.
  await quickExitWithEscape(page);
  await page.goto('/help/sent');
  await expect(page.getByRole('heading', { level: 1, name: 'This page is shown only once' })).toBeVisible();
});

test("someone at risk finds the crisis lines right under the code, and the plan's first step leads there", async ({ page }) => {
  await sendShortIntake(page, { country: 'FR', atRisk: true });
  await page.getByRole('button', { name: 'Send to our team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'We have your answers' })).toBeVisible();
  const crisis = page.locator('#crisis-now');
  await expect(crisis.getByRole('heading', { name: 'If you are in danger or might hurt yourself' })).toBeVisible();
  // On the first two screens of a phone, before the plan.
  const crisisTop = (await crisis.boundingBox())?.y ?? Infinity;
  expect(crisisTop).toBeLessThan(2 * 740);
  expect(crisisTop).toBeLessThan((await page.getByRole('heading', { name: 'Your plan' }).boundingBox())?.y ?? 0);
  // France is not in the seeded directory: its emergency number, and the worldwide helpline directories.
  await expect(crisis.getByTestId('emergency-number').getByRole('link', { name: '112' })).toHaveAttribute('href', 'tel:112');
  await expect(crisis.getByText('Find A Helpline', { exact: true })).toBeVisible();
  await expect(crisis.getByText('Befrienders Worldwide', { exact: true })).toBeVisible();

  await page.locator('ol.plan').getByRole('link', { name: 'See who to call now' }).click();
  await expect(crisis).toBeFocused();
  await expect(crisis).toBeInViewport();
});

test("the waiting screen after too many tries keeps the crisis contacts for the person's country", async ({ page }) => {
  await page.route('**/api/intakes', (route) =>
    route.fulfill({
      status: 429,
      headers: { 'Retry-After': '360', 'Content-Type': 'application/json' },
      body: JSON.stringify({ statusCode: 429, message: 'Too many requests' }),
    }),
  );
  await sendShortIntake(page, { country: 'US', atRisk: true });
  await page.getByRole('button', { name: 'Send to our team' }).click();
  await expect(page.getByText('Too many tries from this connection just now.')).toBeVisible();
  const help = page.getByRole('region', { name: 'Help right now' });
  await expect(help.getByRole('link', { name: '911' }).first()).toHaveAttribute('href', 'tel:911');
  await expect(help.getByText('988 Suicide and Crisis Lifeline', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the phone's Back button goes back a step, and a long story shows how much room is left", async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Get help now' }).click();
  await expectStep(page, 1, 'About you');
  await page.getByLabel('18 or older', { exact: true }).check();
  await next(page);
  await expectStep(page, 2, 'Are you safe right now?');
  await page
    .getByRole('group', { name: /hurt yourself|thoughts/i })
    .getByLabel('No', { exact: true })
    .check();
  await page.getByRole('group', { name: 'Are you in danger right now?' }).getByLabel('No', { exact: true }).check();
  await next(page);
  await expectStep(page, 3, 'What is happening');

  await page.goBack();
  await expectStep(page, 2, 'Are you safe right now?');
  await expect(page.getByRole('group', { name: 'Are you in danger right now?' }).getByLabel('No', { exact: true })).toBeChecked();
  await page.goBack();
  await expectStep(page, 1, 'About you');
  await expect(page.getByLabel('18 or older', { exact: true })).toBeChecked();
  expect(new URL(page.url()).pathname).toBe('/help');

  await next(page);
  await next(page);
  await next(page);
  await expectStep(page, 4, 'Where it is happening');
  const story = page.getByLabel('Is there anything else you want to tell us? (optional)');
  await story.fill('He says 2 hours.');
  await expect(page.getByTestId('character-count')).toHaveText('16 of 5,000 characters');
  await story.fill('x'.repeat(5000));
  await expect(page.getByTestId('character-count')).toContainText('You have reached the limit of 5,000 characters');
});

test('an access code typed without dashes, in lower case, opens the case', async ({ page, request }) => {
  const intake = await request.post('/api/intakes', {
    data: {
      submittedBy: 'victim',
      channel: 'web',
      ageBand: '18_plus',
      contentMadeUnder18: false,
      country: 'GB',
      selfHarm: 'none',
      immediateDanger: false,
      deadlineAt: null,
      demands: [],
      contentPosted: 'unknown',
      stillInContact: null,
      paid: null,
      platforms: [],
      contentUrls: [],
      contact: { channel: 'none', canMentionOrganisation: false },
      consent: { storeData: true, contactMe: false },
    },
    headers: { 'Idempotency-Key': `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  });
  expect(intake.status()).toBe(201);
  const { reference, accessCode } = await bodyOf(intake, intakeResponseSchema);
  await page.goto('/my-case');
  await page.getByLabel('Reference').fill(reference.toLowerCase());
  await page.getByLabel('Access code').fill(accessCode.replace(/-/g, '').toLowerCase());
  await page.getByRole('button', { name: 'Open my case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Your case ${reference}` })).toBeVisible();
  await expect(page.getByTestId('contact-choice')).toHaveText(/^You did not give us a way to contact you/);
});

test('each radio group is one Tab stop, with the arrow keys moving inside it', async ({ page }) => {
  await page.goto('/help');
  await expectStep(page, 1, 'About you', { afterNext: false });
  const first = page.getByLabel('Me. This is happening to me.');
  await first.focus();
  await page.keyboard.press('Tab');
  // Tab leaves the "who" group for the first choice of the next group, not the next "who" choice.
  await expect(page.getByLabel('12 or younger')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('13 to 17')).toBeFocused();
  await expect(page.getByLabel('13 to 17')).toBeChecked();
  // Shift+Tab comes back to the group as one stop.
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('input[name="submittedBy"]:focus')).toHaveCount(1);
});
