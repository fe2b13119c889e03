import { checkPage, expect, signIn, test } from './support/fixtures';
import { tabTo } from './support/keyboard';

const ITEM = 'Collect existing city KPI sets';

test('a vice-chair links KPIs to a work item with the keyboard only, and they link to the KPI pages', async ({ page }) => {
  await signIn(page, 'vice.wg1@u4ssc.example');
  await page.goto('/i/u4ssc');
  await page.getByRole('link', { name: 'WG1 Setting the Framework' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'WG1 Setting the Framework' })).toBeVisible();

  // A plain button in the item's row (Tab reaches it; the table is long, so the test focuses it).
  const open = page.getByRole('button', { name: `Edit the KPIs of ${ITEM}` });
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `KPIs of ${ITEM}` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('No KPI chosen yet.');
  await checkPage(page, 'work-item-kpis-editor');

  // Search by name, then by code; arrow down and Enter add the first match.
  const picker = dialog.getByRole('combobox', { name: 'Add a KPI' });
  await tabTo(page, picker);
  await page.keyboard.type('household internet');
  await expect(page.getByRole('option', { name: 'EC:ICT:ICT:1C Household Internet Access' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.type('ec:ict:ict:2c');
  await expect(page.getByRole('option', { name: 'EC:ICT:ICT:2C Fixed Broadband Subscriptions' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const chosen = dialog.getByRole('list', { name: 'KPIs addressed' });
  await expect(chosen.getByRole('listitem')).toHaveText([
    /EC:ICT:ICT:1C Household Internet Access/,
    /EC:ICT:ICT:2C Fixed Broadband Subscriptions/,
  ]);
  // A chosen KPI is not offered twice.
  await page.keyboard.type('EC:ICT:ICT:1C');
  await expect(page.getByText('No KPI matches.')).toBeVisible();
  await page.keyboard.press('Escape');

  await tabTo(page, dialog.getByRole('button', { name: 'Remove EC:ICT:ICT:2C' }));
  await page.keyboard.press('Enter');
  await expect(chosen.getByRole('listitem')).toHaveCount(1);
  await tabTo(page, dialog.getByRole('button', { name: 'Save KPIs' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `The KPIs of ${ITEM} were saved.` })).toBeVisible();
  const kpis = page.getByRole('group', { name: `KPIs addressed by ${ITEM}` });
  await expect(kpis.getByRole('link')).toHaveText(['EC:ICT:ICT:1C']);
  await checkPage(page, 'work-item-kpis-saved');

  await kpis.getByRole('link', { name: 'EC:ICT:ICT:1C' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'EC:ICT:ICT:1C Household Internet Access' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Work items addressing it' })).toContainText(`WG1: ${ITEM}`);
});

test('members and observers see a work item’s KPIs read-only', async ({ page }) => {
  for (const email of ['member01@u4ssc.example', 'observer@u4ssc.example']) {
    await signIn(page, email);
    await page.goto('/i/u4ssc');
    await page.getByRole('link', { name: 'WG3 Enhancing Innovation and Participation' }).click();
    const kpis = page.getByRole('group', { name: 'KPIs addressed by Guidelines on open data for smart governance' });
    await expect(kpis.getByRole('link')).toHaveText(['EC:ICT:PS:1A', 'EC:ICT:PS:2A']);
    await expect(page.getByRole('button', { name: /^Edit the KPIs of/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
  }
});
