import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { resourceDirectorySchema } from '@sg/contracts/schemas';
import { expectNoAxeViolations } from './support/axe';
import { openSignIn, signIn, submitSignIn } from './support/staff';
import { bodyOf } from './support/api';

/**
 * Admin pages against the real stack: an admin adds a caseworker who can then sign in, deactivates
 * them (sign-in then fails), adds a Singapore resource that the public directory serves, and a
 * caseworker neither sees nor reaches the admin pages. Demo accounts are seeded by the API.
 */
const ADMIN = 'admin@demo.test';
const CASEWORKER = 'caseworker@demo.test';

test.use({ viewport: { width: 1440, height: 900 } });
test.describe.configure({ mode: 'serial' });

const suffix = randomUUID().slice(0, 8);
const newPerson = { name: `Eve Evans ${suffix}`, email: `e2e-${suffix}@demo.test` };
let newPassword = '';

test('admin adds a caseworker account, who can then sign in', async ({ browser }) => {
  const { context, page } = await signIn(browser, ADMIN);
  const rail = page.getByRole('navigation', { name: 'Queues' });
  await expect(rail.getByRole('heading', { name: 'Admin' })).toBeVisible();
  await rail.getByRole('link', { name: 'Staff accounts' }).click();
  await expect(page).toHaveURL(/\/staff\/admin\/accounts$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Staff accounts' })).toBeVisible();
  await expect(page.locator('tr', { hasText: ADMIN })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Add account' }).click();
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Create account' }) });
  // A password that is too short is refused before anything is sent.
  await form.getByLabel('Name').fill(newPerson.name);
  await form.getByLabel('Email').fill(newPerson.email);
  await form.getByLabel('Password').fill('short');
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(form).toContainText('Password must be at least 12 characters');

  await form.getByRole('button', { name: 'Generate' }).click();
  newPassword = await form.getByLabel('Password').inputValue();
  expect(newPassword).toHaveLength(16);
  const created = page.waitForResponse((response) => response.url().endsWith('/api/staff') && response.request().method() === 'POST');
  await form.getByRole('button', { name: 'Create account' }).click();
  expect((await created).status()).toBe(201);

  // Shown once, to pass on.
  await expect(page.getByRole('heading', { name: `Account created for ${newPerson.name}` })).toBeVisible();
  await expect(page.getByTestId('new-password')).toHaveText(newPassword);
  const row = page.locator('tr', { hasText: newPerson.email });
  await expect(row).toContainText('Active');
  await expect(row.getByRole('combobox')).toHaveText(/Caseworker/);

  // The same email again: the API's field error shows on the email field.
  await page.getByRole('button', { name: 'Add account' }).click();
  await form.getByLabel('Name').fill('Someone Else');
  await form.getByLabel('Email').fill(newPerson.email);
  await form.getByRole('button', { name: 'Generate' }).click();
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(form).toContainText('Email is already used by another account');
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Demoting yourself is refused by the API, and its reason is shown.
  const me = page.locator('tr', { hasText: ADMIN });
  await me.getByRole('combobox').click();
  await page.getByRole('option', { name: 'Caseworker' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'You cannot deactivate or demote your own account' })).toBeVisible();
  await expect(me.getByRole('combobox')).toHaveText(/Admin/);

  const eve = await signIn(browser, newPerson.email, newPassword);
  await expect(eve.page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'Staff accounts' })).toHaveCount(0);
  await eve.context.close();
  await context.close();
});

test('admin deactivates the account, and sign-in then fails', async ({ browser }) => {
  expect(newPassword, 'the previous test creates the account').not.toBe('');
  const { context, page } = await signIn(browser, ADMIN);
  await page.goto('/staff/admin/accounts');
  const row = page.locator('tr', { hasText: newPerson.email });
  const saved = page.waitForResponse((response) => /\/api\/staff\/[^/]+$/.test(response.url()) && response.request().method() === 'PATCH');
  await row.getByRole('button', { name: `Deactivate ${newPerson.name}` }).click();
  // Never on a stray click: a confirmation first, and Cancel changes nothing.
  const confirm = page.getByRole('dialog', { name: `Deactivate ${newPerson.name}?` });
  await expect(confirm).toContainText(newPerson.email);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row).toContainText('Active');
  await row.getByRole('button', { name: `Deactivate ${newPerson.name}` }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: `Deactivate ${newPerson.name}` })
    .click();
  expect((await saved).status()).toBe(200);
  await expect(row).toContainText('Deactivated');
  await expect(row.getByRole('button', { name: `Reactivate ${newPerson.name}` })).toBeVisible();

  const attempt = await openSignIn(browser);
  await submitSignIn(attempt.page, newPerson.email, newPassword);
  await expect(attempt.page.getByRole('alert')).toBeVisible();
  await expect(attempt.page).toHaveURL(/\/staff\/sign-in/);
  await attempt.context.close();
  await context.close();
});

test('admin adds a resource for Singapore, and the public directory serves it', async ({ browser, request }) => {
  const { context, page } = await signIn(browser, ADMIN);
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'Resource directory' }).click();
  await expect(page).toHaveURL(/\/staff\/admin\/resources$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Resource directory' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Worldwide (ANY)' })).toBeVisible();
  await expectNoAxeViolations(page);

  const key = `sg-e2e-${suffix}`;
  const name = `E2E Singapore support line ${suffix}`;
  await page.getByRole('button', { name: 'Add resource' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('combobox', { name: 'Jurisdiction' }).click();
  await page.getByRole('option', { name: 'Singapore (SG)' }).click();
  await dialog.getByRole('combobox', { name: 'Purpose' }).click();
  await page.getByRole('option', { name: 'Reporting' }).click();
  await dialog.getByLabel('Contact').fill('Call 1800 000 0000');
  await dialog.getByLabel('Key').fill(key);
  // The API checks the address (http or https only: the public pages link to it); its field error shows on the field.
  for (const bad of ['not a web address', 'javascript:alert(document.cookie)']) {
    await dialog.getByLabel('Web address').fill(bad);
    await dialog.getByRole('button', { name: 'Add resource' }).click();
    await expect(dialog).toContainText('Web address must be a full web address starting with http:// or https://');
  }
  await dialog.getByLabel('Web address').fill('https://example.org/sg-e2e');
  const created = page.waitForResponse((response) => response.url().endsWith('/api/resources') && response.request().method() === 'POST');
  await dialog.getByRole('button', { name: 'Add resource' }).click();
  expect((await created).status()).toBe(201);
  await expect(dialog).toBeHidden();

  const section = page.getByRole('region', { name: /Singapore \(SG\)/ });
  await expect(section.locator('tr', { hasText: name })).toContainText('Shown');

  const response = await request.get('/api/resources?country=SG');
  expect(response.status()).toBe(200);
  const entries = await bodyOf(response, resourceDirectorySchema);
  expect(entries.find((entry) => entry.key === key)).toMatchObject({ jurisdiction: 'SG' });

  // Retired: gone from the public list, still listed (and restorable) here.
  await section.getByRole('button', { name: `Retire ${name} (SG)` }).click();
  await expect(section.locator('tr', { hasText: name })).toContainText('Retired');
  const after = await bodyOf(await request.get('/api/resources?country=SG'), resourceDirectorySchema);
  expect(after.some((entry) => entry.key === key)).toBe(false);
  await section.getByRole('button', { name: `Restore ${name} (SG)` }).click();
  await expect(section.locator('tr', { hasText: name })).toContainText('Shown');
  await context.close();
});

test('a caseworker does not see the admin links and is sent away from the admin pages', async ({ browser }) => {
  const { context, page } = await signIn(browser, CASEWORKER);
  const rail = page.getByRole('navigation', { name: 'Queues' });
  await expect(rail.getByRole('link', { name: 'Record an intake' })).toBeVisible();
  await expect(rail.getByRole('heading', { name: 'Admin' })).toHaveCount(0);
  await expect(rail.getByRole('link', { name: 'Staff accounts' })).toHaveCount(0);
  await expect(rail.getByRole('link', { name: 'Resource directory' })).toHaveCount(0);

  await page.goto('/staff/admin/accounts');
  await expect(page).toHaveURL(/\/staff\/queues\/unassigned/);
  await page.goto('/staff/admin/resources');
  await expect(page).toHaveURL(/\/staff\/queues\/unassigned/);
  await context.close();
});
