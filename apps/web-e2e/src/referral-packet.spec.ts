import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { caseIdOf, signIn, submitIntake } from './support/staff';

/**
 * The referral packet and the funders' CSV from the dashboard, against the real stack: the files
 * arrive as downloads under the server's names (through the dashboard's signed-in HttpClient),
 * and "include contact details" is offered only when the person agreed to be contacted.
 */
test.use({ viewport: { width: 1440, height: 900 } });

function intake(consented: boolean): Record<string, unknown> {
  return {
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
    platforms: [{ platform: 'Instagram', offenderHandle: `e2e_pk_${randomUUID().slice(0, 8)}` }],
    contentUrls: [],
    narrative: 'Someone says they will send my photos to my school unless I pay.',
    contact: consented
      ? { channel: 'email', value: 'e2e.packet@example.com', canMentionOrganisation: false }
      : { channel: 'none', canMentionOrganisation: false },
    consent: { storeData: true, contactMe: consented },
  };
}

test('a caseworker downloads a packet with contact details when the person consented, and cannot when they did not', async ({ browser, request }) => {
  const consented = await caseIdOf(request, await submitIntake(request, intake(true)));
  const declined = await caseIdOf(request, await submitIntake(request, intake(false)));
  const { context, page } = await signIn(browser, 'caseworker@demo.test');

  await page.goto(`/staff/cases/${consented}`);
  // Contact details are for the person working the case: before claiming, the box says so.
  await page.getByRole('button', { name: 'Referral packet' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel("Include the person's contact details")).toBeDisabled();
  await expect(dialog).toContainText('claim the case first');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Claim' }).click();
  await expect(page.getByRole('button', { name: /Status: In progress/ })).toBeVisible();
  await page.getByRole('button', { name: 'Referral packet' }).click();
  await dialog.getByLabel("Include the person's contact details").check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download PDF' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^referral-packet-SG-[A-Z0-9-]+-police\.pdf$/);
  expect(
    readFileSync(await download.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  await expect(dialog).toBeHidden();

  await page.goto(`/staff/cases/${declined}`);
  await page.getByRole('button', { name: 'Referral packet' }).click();
  await expect(page.getByRole('dialog').getByLabel("Include the person's contact details")).toBeDisabled();
  await expect(page.getByRole('dialog')).toContainText('did not agree to be contacted');
  await context.close();
});

test("a supervisor downloads the funders' CSV from Trends", async ({ browser }) => {
  const { context, page } = await signIn(browser, 'supervisor@demo.test');
  await page.goto('/staff/trends');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV for funders' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^funders-\d{4}-\d{2}-to-\d{4}-\d{2}\.csv$/);
  expect(readFileSync(await download.path(), 'utf8').split('\n')[0]).toBe('month,measure,breakdown,value,result,count');
  await context.close();
});
