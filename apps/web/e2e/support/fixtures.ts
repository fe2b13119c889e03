import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export { expect };
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'u4ssc-demo-2016';
const ARTIFACTS = resolve(__dirname, '../../../../.data/web-tests');

/**
 * Every browser test: the gateway's URL from the global setup, and a page that fails the test on
 * any console error or uncaught exception (a missing translation key logs one).
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  baseURL: async ({}, use) => use(process.env.WEB_TEST_BASE_URL),
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        // The browser logs every HTTP error status; the tests assert on what the page shows instead.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(String(error)));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

/** Fills the sign-in form shown on the page and submits it. */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in through the sign-in page and waits for the home page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await submitSignIn(page, email, password);
  await expect(page.getByRole('heading', { level: 1, name: 'What needs me' })).toBeVisible();
}

/**
 * The page has no serious or critical axe-core violation; the full report and a screenshot are kept
 * under .data/web-tests/ (axe/<name>.json, screenshots/<name>.png).
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Loading|Chargement/ })).toHaveCount(0);
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  mkdirSync(resolve(ARTIFACTS, 'axe'), { recursive: true });
  writeFileSync(
    resolve(ARTIFACTS, 'axe', `${name}.json`),
    JSON.stringify(
      {
        url: page.url(),
        passes: results.passes.length,
        violations: results.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.map((n) => n.target.join(' ')),
        })),
      },
      null,
      2,
    ),
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: resolve(ARTIFACTS, 'screenshots', `${name}.png`), fullPage: true });
  expect(
    blocking.map((v) => `${v.impact}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `axe-core serious or critical violations on ${name}`,
  ).toEqual([]);
}
