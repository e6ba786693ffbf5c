#!/usr/bin/env node
// `npm run screenshots`: starts the product (built: run `npm run build` first) on ports and a
// database of its own, fills it with a few realistic cases through the API, and photographs the
// public pages on a phone and the dashboard on a desktop into docs/screenshots/ for the README.
// Env: DATABASE_URL (else a throwaway embedded PostgreSQL), CHROMIUM_PATH.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { benchDatabase, freePort } from '../bench/lib/bench-stack.mjs';

const OUT = 'docs/screenshots';
const PASSWORD = 'demo-safeguard-2026';
const log = (message) => console.error(`[screenshots] ${message}`);
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--no-pings',
  '--disable-features=DnsOverHttps',
];

async function startStack(databaseUrl) {
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['tools/dev/start.mjs', '--no-install', '--no-build'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      API_PORT: String(apiPort),
      WEB_PORT: String(webPort),
      DEMO_PASSWORD: PASSWORD,
      LOG_LEVEL: 'warn',
      INTAKE_RATE_LIMIT: '1000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${webPort}`;
  for (let i = 0; i < 240; i += 1) {
    try {
      if ((await fetch(`${url}/api/health`)).ok)
        return {
          url,
          stop: () =>
            new Promise((done) => {
              child.once('exit', done);
              child.kill('SIGINT');
            }),
        };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error('The product did not start within 60 s');
}

const base = {
  submittedBy: 'victim',
  channel: 'web',
  ageBand: '13_17',
  contentMadeUnder18: true,
  country: 'US',
  selfHarm: 'none',
  immediateDanger: false,
  deadlineAt: null,
  demands: ['money'],
  contentPosted: 'no',
  stillInContact: true,
  paid: false,
  platforms: [{ platform: 'Instagram', offenderHandle: '@new.friend.22', profileUrl: 'https://instagram.com/new.friend.22' }],
  contentUrls: [],
  narrative: 'Met them in a game last week. They say they will send the pictures to my school tonight unless I pay $500.',
  contact: { channel: 'email', value: 'sam@example.com', canMentionOrganisation: false },
  consent: { storeData: true, contactMe: true },
};
const seedCases = [
  { ...base, selfHarm: 'plan_or_intent' },
  { ...base, deadlineAt: new Date(Date.now() + 5 * 3_600_000).toISOString() },
  {
    ...base,
    ageBand: '18_plus',
    contentMadeUnder18: false,
    country: 'GB',
    contentPosted: 'yes',
    platforms: [{ platform: 'Snapchat', offenderHandle: 'jess_x_99' }],
  },
  {
    ...base,
    ageBand: '18_plus',
    contentMadeUnder18: false,
    country: 'MY',
    stillInContact: false,
    demands: ['more_images'],
    platforms: [{ platform: 'Telegram', offenderHandle: '@quickcash' }],
  },
  { ...base, ageBand: 'unknown', contentMadeUnder18: null, submittedBy: 'parent_or_guardian', paid: true },
  {
    ...base,
    ageBand: '18_plus',
    contentMadeUnder18: false,
    stillInContact: false,
    demands: ['relationship'],
    contact: { channel: 'none', canMentionOrganisation: false },
    consent: { storeData: true, contactMe: false },
  },
];

async function seed(url) {
  for (const body of seedCases) {
    const response = await fetch(`${url}/api/intakes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
  }
}

/**
 * A month of finished work for the Trends page. The API cannot backdate an intake, so the history
 * goes straight into the tables (after every other shot, so the queues are as the API left them):
 * closed cases over the last 29 days with first responses, takedown requests and agency reports,
 * and three open cases past their response targets.
 * setseed and hashes of the references make the same month every run.
 */
async function seedHistory(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT setseed(0.42)');
    await client.query(`
      WITH staff AS (SELECT array_agg(id ORDER BY email) AS ids FROM staff_user WHERE role IN ('caseworker', 'supervisor')),
      raw AS (
        SELECT g, random() AS p, random() AS r,
               date_trunc('day', now()) - (1 + floor(random() * 29)) * interval '1 day' + (7 + random() * 15) * interval '1 hour' AS created
          FROM generate_series(1, 240) AS g
      ),
      shaped AS (
        SELECT *, CASE WHEN p < 0.06 THEN 0 WHEN p < 0.3 THEN 1 WHEN p < 0.62 THEN 2 ELSE 3 END AS rank FROM raw
      )
      INSERT INTO support_case (reference, access_code_hash, status, priority, priority_rank, triage_priority, triage_factors, triaged_at,
        first_response_due_at, first_responded_at, submitted_by, channel, age_band, country, self_harm, immediate_danger, demands,
        content_posted, contact_channel, consent_contact, assignee_id, created_at, updated_at)
      SELECT 'SG-H' || lpad(to_hex(g), 3, '0') || '-' || lpad(to_hex(g * 7919 % 65536), 4, '0'), 'x', CASE WHEN r < 0.5 THEN 'closed' ELSE 'resolved' END,
             (ARRAY['emergency', 'urgent', 'high', 'standard'])[rank + 1], rank, (ARRAY['emergency', 'urgent', 'high', 'standard'])[rank + 1], '[]'::jsonb, created,
             created + (ARRAY[interval '15 minutes', interval '1 hour', interval '8 hours', interval '48 hours'])[rank + 1],
             created + (ARRAY[interval '19 minutes', interval '70 minutes', interval '9 hours', interval '40 hours'])[rank + 1] * (0.2 + random() ^ 2 * 1.3),
             'victim', 'web', '13_17', 'US', 'none', false, '{money}', 'no', 'none', false,
             (SELECT ids[1 + (g % array_length(ids, 1))] FROM staff), created, created
        FROM shaped`);
    // And three that nobody has answered, well past their targets: the Overdue queue's.
    await client.query(`
      INSERT INTO support_case (reference, access_code_hash, status, priority, priority_rank, triage_priority, triage_factors, triaged_at,
        first_response_due_at, submitted_by, channel, age_band, country, self_harm, immediate_danger, demands,
        content_posted, contact_channel, consent_contact, created_at, updated_at)
      SELECT 'SG-HOPN-' || g, 'x', 'new', p, rank, p, '[]'::jsonb, at, at + target, 'victim', 'web', '13_17', 'GB', 'none', false, '{money}', 'no', 'none', false, at, at
        FROM (VALUES (1, 'urgent', 1, interval '1 hour'), (2, 'high', 2, interval '8 hours'), (3, 'high', 2, interval '8 hours')) AS v(g, p, rank, target),
             LATERAL (SELECT now() - interval '20 hours' - g * interval '1 hour' AS at) t`);
    // A number in [0, 1) per case and purpose, from its reference: the same every run, whatever plan PostgreSQL picks.
    const unit = (salt) => `((hashtext(c.reference || '${salt}') & 2147483647) / 2147483648.0)`;
    await client.query(`
      INSERT INTO takedown_request (case_id, platform, url, channel, status, submitted_at, removed_at, rejected_at, created_at)
      SELECT id, platform, 'https://example.org/' || id, 'platform_form',
             CASE WHEN o < removal THEN 'removed' WHEN o < removal + 0.12 THEN 'rejected' ELSE 'submitted' END,
             sub,
             CASE WHEN o < removal THEN sub + (0.1 + took) * speed END,
             CASE WHEN o >= removal AND o < removal + 0.12 THEN sub + took * interval '3 days' END,
             sub
        FROM (SELECT c.id, ${unit('outcome')} AS o, ${unit('took')} AS took, c.created_at + interval '3 hours' AS sub, p.platform, p.removal, p.speed
                FROM support_case c
                JOIN (VALUES (0, 'Instagram', 0.82, interval '30 hours'), (1, 'Snapchat', 0.74, interval '40 hours'), (2, 'TikTok', 0.78, interval '26 hours'),
                             (3, 'Discord', 0.66, interval '60 hours'), (4, 'X', 0.45, interval '90 hours'), (5, 'Telegram', 0.3, interval '120 hours'))
                     AS p(n, platform, removal, speed) ON p.n = floor(${unit('platform')} * 6)
               WHERE c.reference LIKE 'SG-H%' AND ${unit('takedown')} < 0.45) t`);
    await client.query(`
      INSERT INTO case_report (case_id, agency_kind, agency_name, status, filed_at, acknowledged_at, closed_at, created_at)
      SELECT id, kind, 'Agency', CASE WHEN o < 0.45 THEN 'acknowledged' WHEN o < 0.65 THEN 'actioned' ELSE 'filed' END, filed,
             CASE WHEN o < 0.45 THEN filed + took * interval '6 days' END,
             CASE WHEN o >= 0.45 AND o < 0.65 THEN filed + took * interval '9 days' END,
             filed
        FROM (SELECT c.id, ${unit('answer')} AS o, ${unit('answered')} AS took, c.created_at + interval '5 hours' AS filed,
                     (ARRAY['police', 'cybertipline', 'cybercrime_unit', 'platform'])[1 + floor(${unit('agency')} * 4)::int] AS kind
                FROM support_case c WHERE c.reference LIKE 'SG-H%' AND ${unit('report')} < 0.3) t`);
  } finally {
    await client.end();
  }
}

/** The Malay catalogue, read as the pages read it, to find buttons by their Malay words. */
const MALAY = JSON.parse(readFileSync('libs/i18n/src/catalogues/ms.json', 'utf8'));

/** A phone that prefers Malay: the front door and the first intake screen, as it sees them. */
async function malayPages(browser, url) {
  const page = await (
    await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: 'ms-MY', hasTouch: true, isMobile: true })
  ).newPage();
  await page.goto(`${url}/`);
  await page.getByRole('link', { name: MALAY.person.home.start }).waitFor();
  await page.screenshot({ path: `${OUT}/public-home-ms-mobile.png` });
  await page.getByRole('link', { name: MALAY.person.home.start }).click();
  await page.getByLabel(MALAY.person.intake.about.submitter.victim).check();
  await page.getByLabel(MALAY.person.intake.about.ageBand['13_17']).check();
  // Ticking scrolled the answer into view: show the screen from its top, as it first appears.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/public-intake-ms-mobile.png` });
}

async function publicPages(browser, url) {
  const page = await (
    await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: 'en-GB', hasTouch: true, isMobile: true })
  ).newPage();
  await page.goto(`${url}/`);
  await page.getByRole('link', { name: 'Get help now' }).waitFor();
  await page.screenshot({ path: `${OUT}/public-home-mobile.png` });

  await page.getByRole('link', { name: 'Get help now' }).click();
  await page.getByLabel('Me. This is happening to me.').check();
  await page.getByLabel('13 to 17').check();
  await page.getByLabel('Yes, under 18').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Yes, I have had thoughts like this').check();
  await page
    .locator('.crisis-alert[role="alert"]')
    .getByLabel(/Choose your country/)
    .selectOption('US');
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

async function staffPages(browser, url, databaseUrl) {
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

  await page
    .getByRole('button', { name: /Sign out/ })
    .click()
    .catch(() => undefined);
  await context.clearCookies();
  await signIn('supervisor@demo.test');
  await page.getByRole('link', { name: 'Queue health' }).click();
  await page.getByRole('heading', { name: 'Open cases by priority and age' }).waitFor();
  await page.screenshot({ path: `${OUT}/staff-supervision.png` });

  // Loaded afresh after the history went in, so the rail's counts include it too.
  await seedHistory(databaseUrl);
  await page.goto(`${url}/staff/trends`);
  await page.getByRole('heading', { name: 'Takedowns by platform' }).waitFor();
  await page.getByRole('status').filter({ hasText: /^Live/ }).waitFor();
  // The dashboard scrolls inside its frame: make the window as tall as the page to show all of it.
  const height = await page.evaluate(() => {
    const main = document.querySelector('main');
    return main ? Math.ceil(main.getBoundingClientRect().top + main.scrollHeight) : 900;
  });
  await page.setViewportSize({ width: 1440, height });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${OUT}/staff-trends.png` });
  await context.close();
}

/** Both sides of a conversation: the person on a phone writes, a caseworker answers with a saved reply. */
async function conversationPages(browser, url) {
  const intake = await fetch(`${url}/api/intakes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'Idempotency-Key': `shots-${Date.now()}` },
    body: JSON.stringify({
      submittedBy: 'victim',
      channel: 'web',
      ageBand: '13_17',
      contentMadeUnder18: true,
      country: 'GB',
      selfHarm: 'none',
      immediateDanger: false,
      deadlineAt: null,
      demands: ['money'],
      contentPosted: 'no',
      stillInContact: true,
      paid: false,
      platforms: [{ platform: 'Snapchat', offenderHandle: 'quick.cash.77' }],
      contentUrls: [],
      narrative: 'Someone on Snapchat says he will send my photos to my friends unless I pay him.',
      contact: { channel: 'none', canMentionOrganisation: false, declined: true },
      consent: { storeData: true, contactMe: false },
    }),
  });
  const { reference, accessCode } = await intake.json();

  const personContext = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
  const person = await personContext.newPage();
  await person.goto(`${url}/my-case`);
  await person.getByLabel('Reference').fill(reference);
  await person.getByLabel('Access code').fill(accessCode);
  await person.getByRole('button', { name: 'Open my case' }).click();
  await person.getByLabel('Write to us').fill('He says he will send them tonight if I do not pay £300. What do I do?');
  await person.getByRole('button', { name: 'Send', exact: true }).click();
  await person.locator('li[data-from="person"]').first().waitFor();

  const staffContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  const page = await staffContext.newPage();
  await page.goto(`${url}/staff/sign-in`);
  await page.getByLabel('Email').fill('caseworker@demo.test');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('status').filter({ hasText: /^Live/ }).waitFor();
  await page.getByLabel('Search cases by reference, handle or web address').fill(reference);
  await page.keyboard.press('Enter');
  await page
    .locator('.sg-case-list')
    .getByRole('link', { name: new RegExp(reference) })
    .click();
  const caseView = page.locator('sg-case-view');
  await caseView.getByRole('button', { name: 'Claim' }).click();
  await caseView.getByRole('button', { name: /Status: In progress/ }).waitFor();
  await caseView.getByRole('tab', { name: 'Conversation' }).click();
  await caseView.getByRole('button', { name: 'Saved replies' }).click();
  await page.getByRole('menuitem', { name: "Please don't pay" }).click();
  await caseView.getByRole('button', { name: 'Send', exact: true }).click();
  await caseView.locator('li[data-from="staff"]').first().waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${OUT}/staff-conversation.png` });

  await person.locator('li[data-from="staff"]').first().waitFor();
  await person.getByRole('heading', { name: 'Messages' }).scrollIntoViewIfNeeded();
  await person.waitForTimeout(300);
  await person.screenshot({ path: `${OUT}/public-conversation-mobile.png` });
  await staffContext.close();
  await personContext.close();
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
  log('Malay public pages');
  await malayPages(browser, stack.url);
  await staffPages(browser, stack.url, db.url);
  await conversationPages(browser, stack.url);
  log(`saved to ${OUT}/`);
} finally {
  await browser?.close();
  if (stack) await stack.stop();
  await db.drop();
}
