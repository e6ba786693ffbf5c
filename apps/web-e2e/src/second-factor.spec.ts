import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { loginResponseSchema } from '@sg/contracts/schemas';
import { DEMO_PASSWORD, openSignIn, submitSignIn } from './support/staff';
import { totpCode } from './support/totp';
import { bodyOf } from './support/api';

/**
 * A caseworker sets up an authenticator app on the Security page (QR code and key, confirmed with
 * a code, recovery codes shown once), then signs in with password and a code. A fresh account, so
 * the demo accounts the other specs use keep signing in with a password.
 */
test.use({ viewport: { width: 1440, height: 900 } });

const email = `e2e-totp-${randomUUID().slice(0, 8)}@demo.test`;
const password = 'second-factor-e2e-password';

test('a caseworker enrols an authenticator app, then signs in with a code', async ({ browser, request }) => {
  const admin = await request.post('/api/auth/login', { data: { email: 'admin@demo.test', password: DEMO_PASSWORD } });
  expect(admin.status()).toBe(200);
  const created = await request.post('/api/staff', {
    data: { email, displayName: 'Tess Totp', role: 'caseworker', password },
    headers: { authorization: `Bearer ${(await bodyOf(admin, loginResponseSchema)).accessToken}` },
  });
  expect(created.status(), await created.text()).toBe(201);

  const { context, page } = await openSignIn(browser);
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL(/\/staff\/queues\//);
  await page.getByRole('link', { name: 'Security' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign-in security' })).toBeVisible();

  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const secret = await page.getByTestId('totp-secret').innerText();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel('6-digit code').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Confirm' }).click();

  await expect(page.getByRole('heading', { name: 'Save your recovery codes' })).toBeVisible();
  await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await expect(page.getByText('On: signing in needs a code from your authenticator app.')).toBeVisible();
  await context.close();

  // Signing in again: the password, then the code step.
  const again = await openSignIn(browser);
  await submitSignIn(again.page, email, password);
  await expect(again.page.getByRole('heading', { level: 1, name: 'Enter your code' })).toBeVisible();
  const code = again.page.getByLabel('6-digit code');
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  await code.fill(totpCode(secret, 1));
  await again.page.getByRole('button', { name: 'Continue' }).click();
  await expect(again.page).toHaveURL(/\/staff\/queues\/unassigned/);
  await again.context.close();
});
