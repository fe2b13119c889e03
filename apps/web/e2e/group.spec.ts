import { checkPage, expect, signIn, test } from './support/fixtures';

test('working-group page: chairs, members and the work plan table with its columns', async ({ page }) => {
  await signIn(page, 'member05@u4ssc.example');
  await page.goto('/i/u4ssc');
  await page.getByRole('link', { name: 'WG2 Connecting Cities and Communities' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'WG2 Connecting Cities and Communities' })).toBeVisible();
  const chairs = page.getByRole('region', { name: 'Chairs' });
  await expect(chairs).toContainText('Chidi Chair (WG2)');
  const members = page.getByRole('region', { name: 'Members' });
  for (const n of ['05', '06', '07', '08']) await expect(members).toContainText(`Member ${n}`);
  const plan = page.getByRole('region', { name: 'Work plan' });
  const headers = plan.getByRole('table').getByRole('columnheader');
  await expect(headers).toHaveText(['Title', 'Owner', 'Due', 'Status', 'Progress']);
  await expect(plan.getByRole('table').getByRole('row')).not.toHaveCount(1);
  await checkPage(page, 'group');
});
