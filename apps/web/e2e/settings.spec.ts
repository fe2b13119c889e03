import { checkPage, expect, signIn, test } from './support/fixtures';

test('settings: e-mail mode saved, time zone shown, calendar feed copied and rotated', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, 'member10@u4ssc.example');
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const email = page.getByRole('radiogroup', { name: 'E-mail' });
  await expect(email.getByRole('radio', { name: 'Immediately' })).toBeChecked();
  await email.getByRole('radio', { name: 'Daily digest at 08:00' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'E-mail preference saved.' })).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('radiogroup', { name: 'E-mail' }).getByRole('radio', { name: 'Daily digest at 08:00' }),
  ).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/Zurich');

  const feed = page.getByRole('textbox', { name: 'Calendar feed' });
  await expect(feed).toHaveAttribute('readonly', '');
  const first = await feed.inputValue();
  expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/calendar\/[0-9a-f-]{36}\/[\w-]+\.ics$/);
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Address copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
  expect((await page.request.get(first)).status()).toBe(200);
  await page.getByRole('button', { name: 'New feed address' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'the old one no longer works' })).toBeVisible();
  await expect(feed).not.toHaveValue(first);
  expect((await page.request.get(first)).status()).toBe(404);
  await checkPage(page, 'settings');
});
