import { expect, test } from './support/fixtures';

test('GraphiQL at /ide renders and runs a query under the gateway CSP, with no violation', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const response = await page.goto('/ide');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  const run = page.getByRole('button', { name: /Execute query/ });
  await expect(run).toBeVisible();
  await expect(page.locator('.graphiql-query-editor')).toContainText('login');
  await run.click();
  await expect(page.locator('.graphiql-response')).toContainText('accessToken');
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
});
