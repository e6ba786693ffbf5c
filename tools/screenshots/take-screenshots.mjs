#!/usr/bin/env node
// `npm run screenshots`: starts the product (built: run `npm run build` first) on ports and a
// database of its own, fills it with a few realistic cases through the API, and photographs the
// public pages on a phone and the dashboard on a desktop into docs/screenshots/ for the README.
// Env: DATABASE_URL (else a throwaway embedded PostgreSQL), CHROMIUM_PATH.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { benchDatabase, freePort } from '../bench/lib/bench-stack.mjs';

const OUT = 'docs/screenshots';
const PASSWORD = 'demo-safeguard-2026';
const log = (message) => console.error(`[screenshots] ${message}`);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-domain-reliability', '--no-pings', '--disable-features=DnsOverHttps'];

async function startStack(databaseUrl) {
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['tools/dev/start.mjs', '--no-install', '--no-build'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, API_PORT: String(apiPort), WEB_PORT: String(webPort), DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'warn', INTAKE_RATE_LIMIT: '1000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${webPort}`;
  for (let i = 0; i < 240; i += 1) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, stop: () => new Promise((done) => { child.once('exit', done); child.kill('SIGINT'); }) };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error('The product did not start within 60 s');
}

const base = {
  submittedBy: 'victim', channel: 'web', ageBand: '13_17', contentMadeUnder18: true, country: 'US', selfHarm: 'none',
  immediateDanger: false, deadlineAt: null, demands: ['money'], contentPosted: 'no', stillInContact: true, paid: false,
  platforms: [{ platform: 'Instagram', offenderHandle: '@new.friend.22', profileUrl: 'https://instagram.com/new.friend.22' }],
  contentUrls: [], narrative: 'Met them in a game last week. They say they will send the pictures to my school tonight unless I pay $500.',
  contact: { channel: 'email', value: 'sam@example.com', canMentionOrganisation: false }, consent: { storeData: true, contactMe: true },
};
const seedCases = [
  { ...base, selfHarm: 'plan_or_intent' },
  { ...base, deadlineAt: new Date(Date.now() + 5 * 3_600_000).toISOString() },
  { ...base, ageBand: '18_plus', contentMadeUnder18: false, country: 'GB', contentPosted: 'yes', platforms: [{ platform: 'Snapchat', offenderHandle: 'jess_x_99' }] },
  { ...base, ageBand: '18_plus', contentMadeUnder18: false, country: 'MY', stillInContact: false, demands: ['more_images'], platforms: [{ platform: 'Telegram', offenderHandle: '@quickcash' }] },
  { ...base, ageBand: 'unknown', contentMadeUnder18: null, submittedBy: 'parent_or_guardian', paid: true },
  { ...base, ageBand: '18_plus', contentMadeUnder18: false, stillInContact: false, demands: ['relationship'], contact: { channel: 'none', canMentionOrganisation: false }, consent: { storeData: true, contactMe: false } },
];

async function seed(url) {
  for (const body of seedCases) {
    const response = await fetch(`${url}/api/intakes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
  }
}

async function publicPages(browser, url) {
  const page = await (await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: 'en-GB', hasTouch: true, isMobile: true })).newPage();
  await page.goto(`${url}/`);
  await page.getByRole('link', { name: 'Get help now' }).waitFor();
  await page.screenshot({ path: `${OUT}/public-home-mobile.png` });

  await page.getByRole('link', { name: 'Get help now' }).click();
  await page.getByLabel('Me. This is happening to me.').check();
  await page.getByLabel('13 to 17').check();
  await page.getByLabel('Yes, under 18').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Yes, I have had thoughts like this').check();
  await page.locator('.crisis-alert[role="alert"]').getByLabel(/Choose your country/).selectOption('US');
  await page.locator('.crisis-alert a[href^="tel:"]').first().waitFor();
  // The panel scrolls itself into view; let that finish, then show what the phone shows.
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `${OUT}/public-intake-crisis-mobile.png` });

  await page.getByRole('group', { name: 'Are you in danger right now?' }).getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Money, gift cards or crypto').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Which app, game or site?').fill('Instagram');
  await page.getByLabel('Their username or name there').fill('new.friend.22');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel(/I agree that you keep my answers/).check();
  await page.getByRole('button', { name: 'Send to our team' }).click();
  await page.getByRole('heading', { level: 1, name: 'We have your answers' }).waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${OUT}/public-result-mobile.png` });
}

async function staffPages(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  const signIn = async (email) => {
    await page.goto(`${url}/staff/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/staff\/queues\/unassigned/);
    await page.getByRole('status').filter({ hasText: /^Live/ }).waitFor();
  };
  await signIn('caseworker@demo.test');
  await page.locator('.sg-case-list').getByRole('link').first().waitFor();
  await page.screenshot({ path: `${OUT}/staff-queue.png` });

  // Open the second case (an urgent one) beside the queue, claim it and note something.
  await page.locator('.sg-case-list').getByRole('link').nth(1).click();
  const caseView = page.locator('sg-case-view');
  await caseView.getByRole('button', { name: 'Claim' }).click();
  await caseView.getByRole('button', { name: /Status: In progress/ }).waitFor();
  // The claimed case leaves the unassigned list when the live update arrives.
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${OUT}/staff-case.png` });

  // A takedown filed and submitted: its chase and escalation appear among the follow-ups.
  await caseView.getByRole('tab', { name: /^Takedowns/ }).click();
  await caseView.getByLabel('Platform').fill('Instagram');
  await caseView.getByLabel('Address of the content or account (URL)').fill('https://www.instagram.com/p/Cx7kq2/');
  await caseView.getByRole('button', { name: 'File takedown request' }).click();
  await caseView.getByRole('button', { name: 'Update the status of the Instagram request' }).click();
  await page.getByRole('menuitem', { name: 'Mark submitted' }).click();
  await caseView.getByRole('tab', { name: 'Follow-ups' }).click();
  await caseView.getByText('Chase the takedown request').first().waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${OUT}/staff-follow-ups.png` });

  await page.getByRole('button', { name: /Sign out/ }).click().catch(() => undefined);
  await context.clearCookies();
  await signIn('supervisor@demo.test');
  await page.getByRole('link', { name: 'Queue health' }).click();
  await page.getByRole('heading', { name: 'Open cases by priority and age' }).waitFor();
  await page.screenshot({ path: `${OUT}/staff-supervision.png` });
  await context.close();
}

const db = await benchDatabase(log);
let stack;
let browser;
try {
  mkdirSync(OUT, { recursive: true });
  stack = await startStack(db.url);
  await seed(stack.url);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  await publicPages(browser, stack.url);
  await staffPages(browser, stack.url);
  log(`saved to ${OUT}/`);
} finally {
  await browser?.close();
  if (stack) await stack.stop();
  await db.drop();
}
