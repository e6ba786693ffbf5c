import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

test('the front page tells a person straight away not to pay', async ({ page }) => {
  await page.goto('/');

  await expect(page.getByText('Do not pay')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the status page reports a healthy stack through the web server', async ({ page }) => {
  // /status calls /api/health on the web server, which proxies to the API.
  await page.goto('/status');

  await expect(page.getByRole('status')).toHaveText('Everything is working.');
  await expectNoAxeViolations(page);
});
