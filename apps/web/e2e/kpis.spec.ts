import { checkPage, expect, signIn, test } from './support/fixtures';
import { tabTo } from './support/keyboard';

test('KPI catalogue: filter by dimension, level and text, then open a KPI and see the work items addressing it', async ({
  page,
}) => {
  await signIn(page, 'member04@u4ssc.example');
  await page.goto('/i/u4ssc');
  await page.getByRole('link', { name: 'KPIs', exact: true }).click();
  await expect(page).toHaveURL(/\/i\/u4ssc\/kpis$/);
  await expect(page.getByRole('heading', { level: 1, name: 'KPIs' })).toBeVisible();

  const table = page.getByRole('table');
  const count = page.getByRole('status').filter({ hasText: /KPIs?$/ });
  await expect(table.getByRole('columnheader')).toHaveText(['Code', 'Name', 'Dimension', 'Level']);
  await expect(count).toHaveText('91 KPIs');
  // 50 a page: the second page holds the other 41.
  await expect(table.getByRole('row')).toHaveCount(51);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(table.getByRole('row')).toHaveCount(42);
  await checkPage(page, 'kpis');

  await page.getByRole('combobox', { name: 'Dimension' }).selectOption({ label: 'Environment' });
  await expect(count).toHaveText('17 KPIs');
  await expect(table.getByRole('row')).toHaveCount(18);
  await page.getByRole('combobox', { name: 'Level' }).selectOption({ label: 'Advanced' });
  await expect(count).toHaveText('5 KPIs');
  for (const row of await table
    .getByRole('row')
    .filter({ has: page.getByRole('cell') })
    .all()) {
    await expect(row.getByRole('cell').nth(2)).toHaveText('Environment');
    await expect(row.getByRole('cell').nth(3)).toHaveText('Advanced');
  }

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText('91 KPIs');
  // Case and accents do not matter.
  await page.getByRole('searchbox', { name: 'Code or name' }).fill('OPEN DÁTA');
  await expect(count).toHaveText('1 KPI');
  await page.getByRole('searchbox', { name: 'Code or name' }).fill('no such indicator');
  await expect(page.getByText('No KPI matches these filters.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Code or name' }).fill('ec:ict:ps:1a');
  await expect(count).toHaveText('1 KPI');

  // Open it with the keyboard.
  const link = table.getByRole('link', { name: 'Open Data' });
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'EC:ICT:PS:1A Open Data' })).toBeVisible();
  const items = page.getByRole('region', { name: 'Work items addressing it' });
  await expect(items.getByRole('listitem')).toHaveCount(2);
  await expect(items).toContainText('Guidelines on open data for smart governance');
  await expect(items).toContainText('Inventory of city open data portals');
  await checkPage(page, 'kpi');

  await page.getByRole('link', { name: 'All KPIs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'KPIs' })).toBeVisible();
});

test('a KPI nobody addresses yet says so', async ({ page }) => {
  await signIn(page, 'member04@u4ssc.example');
  await page.goto('/i/u4ssc/kpis');
  await page.getByRole('searchbox', { name: 'Code or name' }).fill('EN:EN:AQ:1C');
  await expect(page.getByRole('status').filter({ hasText: /KPIs?$/ })).toHaveText('1 KPI');
  await page.getByRole('link', { name: 'Air Pollution' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'EN:EN:AQ:1C Air Pollution' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Work items addressing it' })).toContainText(
    'No work item addresses this KPI yet.',
  );
});

test('a work item on its group page links to the KPIs it addresses', async ({ page }) => {
  await signIn(page, 'member04@u4ssc.example');
  await page.goto('/i/u4ssc/kpis');
  await page.getByRole('searchbox', { name: 'Code or name' }).fill('EC:ICT:PS:2A');
  await page.getByRole('link', { name: 'e-Government' }).click();
  await page.getByRole('link', { name: /Guidelines on open data for smart governance/ }).click();
  const kpis = page.getByRole('group', { name: 'KPIs addressed by Guidelines on open data for smart governance' });
  await expect(kpis.getByRole('link')).toHaveText(['EC:ICT:PS:1A', 'EC:ICT:PS:2A']);
  await checkPage(page, 'group-kpis');
  await kpis.getByRole('link', { name: 'EC:ICT:PS:1A' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'EC:ICT:PS:1A Open Data' })).toBeVisible();
});
