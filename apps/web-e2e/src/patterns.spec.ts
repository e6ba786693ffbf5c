import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations } from './support/axe';
import { caseIdOf, signIn, submitIntake } from './support/staff';

/**
 * Patterns across cases, as the issue asks for them end to end: two intakes name the same handle;
 * the caseworker sees "Seen in 1 other case" and links the two; a supervisor finds the cluster,
 * opens its cases and downloads the referral packet, which names the linked case.
 */
test.use({ viewport: { width: 1440, height: 900 } });

const handle = `e2e_same_${randomUUID().slice(0, 8)}`;

function intake(): Record<string, unknown> {
  return {
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
    stillInContact: true,
    paid: false,
    platforms: [{ platform: 'Instagram', offenderHandle: `@${handle}` }],
    contentUrls: [],
    contact: { channel: 'none', canMentionOrganisation: false },
    consent: { storeData: true, contactMe: false },
  };
}

test('two intakes name the same handle: the caseworker links them, a supervisor opens the cluster and downloads the packet', async ({ browser, request }) => {
  test.slow();
  const first = await submitIntake(request, intake());
  const second = await submitIntake(request, intake());
  const secondId = await caseIdOf(request, second);

  // The caseworker: the handle is "seen in 1 other case" (a count, no reference), and they link the two.
  const casey = await signIn(browser, 'caseworker@demo.test');
  await casey.page.goto(`/staff/cases/${secondId}`);
  const caseView = casey.page.locator('sg-case-view');
  await expect(caseView.getByRole('heading', { name: second })).toBeVisible();
  await caseView.getByRole('tab', { name: 'Facts' }).click();
  const identifier = caseView.locator('.identifiers li', { hasText: handle });
  await expect(identifier).toContainText('Seen in 1 other case');
  // On the full-page view the case's reference is the h1: each tab's sections start at h2 (axe heading-order).
  await expectNoAxeViolations(casey.page);
  await caseView.getByRole('tab', { name: /^Evidence/ }).click();
  await expect(caseView.getByRole('heading', { name: 'Add evidence' })).toBeVisible();
  await expectNoAxeViolations(casey.page);
  await caseView.getByRole('tab', { name: 'Linked cases' }).click();
  await caseView.getByLabel("Other case's reference").fill(first);
  await caseView.getByLabel('Reason').fill(`Same Instagram handle @${handle}`);
  await caseView.getByRole('button', { name: 'Link cases' }).click();
  await expect(caseView.getByRole('link', { name: first })).toBeVisible();
  await expect(caseView).toContainText(`Same Instagram handle @${handle}`);
  await expectNoAxeViolations(casey.page);
  await casey.context.close();

  // The supervisor: the cluster of that handle, its two cases, and the packet from one of them.
  const sam = await signIn(browser, 'supervisor@demo.test');
  await sam.page.getByRole('link', { name: 'Clusters' }).click();
  await expect(sam.page).toHaveURL(/\/staff\/clusters$/);
  const cluster = sam.page.getByTestId('cluster').filter({ hasText: handle });
  await expect(cluster).toContainText('2');
  await cluster.getByRole('button', { name: `Show the cases holding ${handle}` }).click();
  await expect(sam.page.getByRole('link', { name: first })).toBeVisible();
  await expect(sam.page.getByRole('link', { name: second })).toBeVisible();
  await expectNoAxeViolations(sam.page);
  await sam.page.getByRole('link', { name: second }).click();
  await expect(sam.page.locator('sg-case-view').getByRole('heading', { name: second })).toBeVisible();
  await sam.page.getByRole('button', { name: 'Referral packet' }).click();
  const dialog = sam.page.getByRole('dialog');
  const [download] = await Promise.all([sam.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download PDF' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^referral-packet-${second}-police\\.pdf$`));
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // Read back with an npm PDF parser: the shared handle, and the linked case with the link's reason.
  const { PDFParse } = await import('pdf-parse');
  const text = (await new PDFParse({ data: pdf }).getText()).text.replace(/\s+/g, ' ');
  expect(text).toContain(handle);
  expect(text).toContain(first);
  expect(text).toContain(`Same Instagram handle @${handle}`);

  // On a phone the clusters table scrolls inside its box; the page keeps to the screen.
  await sam.page.setViewportSize({ width: 360, height: 740 });
  await sam.page.goto('/staff/clusters');
  await expect(sam.page.getByTestId('cluster').filter({ hasText: handle })).toBeVisible();
  expect(await sam.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await sam.context.close();
});
