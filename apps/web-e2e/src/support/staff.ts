import { APIRequestContext, Browser, BrowserContext, expect, Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { caseListResponseSchema, intakeResponseSchema, loginResponseSchema } from '@sg/contracts/schemas';
import { bodyOf } from './api';

/** The demo accounts the API seeds at start (password: the stack's DEMO_PASSWORD). */
export const DEMO_PASSWORD = process.env['DEMO_PASSWORD'] ?? 'demo-safeguard-2026';

/** A fresh browser context on the sign-in page, at a width where list and case sit side by side. */
export async function openSignIn(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto('/staff/sign-in');
  return { context, page };
}

export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signed in and on the unassigned queue, with the live stream connected (the top bar says so). */
export async function signIn(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<{ context: BrowserContext; page: Page }> {
  const session = await openSignIn(browser);
  await submitSignIn(session.page, email, password);
  await expect(session.page).toHaveURL(/\/staff\/queues\/unassigned/);
  await expect(session.page.getByRole('status').filter({ hasText: /^Live/ })).toBeVisible();
  return session;
}

/** Sends an intake through the public API, as the intake page would, and returns its reference. */
export async function submitIntake(request: APIRequestContext, intake: Record<string, unknown>): Promise<string> {
  const response = await request.post('/api/intakes', { data: intake, headers: { 'Idempotency-Key': `e2e-${randomUUID()}` } });
  expect(response.status(), await response.text()).toBe(201);
  return (await bodyOf(response, intakeResponseSchema)).reference;
}

/** A case's id from its reference, looked up through the API as a supervisor (a browser test's shortcut to a case page). */
export async function caseIdOf(request: APIRequestContext, reference: string): Promise<string> {
  const headers = { 'X-Requested-With': 'safeguard-triage' };
  const login = await request.post('/api/auth/login', { data: { email: 'supervisor@demo.test', password: DEMO_PASSWORD }, headers });
  const found = await request.get(`/api/cases?queue=all&q=${reference}`, {
    headers: { ...headers, Authorization: `Bearer ${(await bodyOf(login, loginResponseSchema)).accessToken}` },
  });
  expect(found.status(), await found.text()).toBe(200);
  return (await bodyOf(found, caseListResponseSchema)).items[0].id;
}
