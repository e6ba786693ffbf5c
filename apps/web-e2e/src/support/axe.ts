import AxeBuilder from '@axe-core/playwright';
import { expect, Page } from '@playwright/test';

/**
 * Fails the test when axe-core finds any accessibility violation on the page as it is now.
 * The failure lists each rule and the elements that break it, so the fix is obvious.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Judge the page at rest: a colour mid-transition (a theme switch, a row sliding in) is not
  // what anyone reads. Endless animations (a loading bar) are left running.
  await page.waitForFunction(
    () => document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().endTime === Infinity),
    null,
    { timeout: 5_000 },
  );
  const { violations } = await new AxeBuilder({ page }).analyze();
  const readable = violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help} -> ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(readable, 'accessibility violations').toEqual([]);
}
