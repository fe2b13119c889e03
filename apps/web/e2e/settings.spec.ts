import type { Page } from '@playwright/test';
import { demoBallot, registerMember } from './support/api';
import { checkPage, DEMO_PASSWORD, expect, signIn, submitSignIn, test } from './support/fixtures';
import { tabTo } from './support/keyboard';
import { expectClosingTimeIn } from './support/times';

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

/** A member of their own (with the demo password) signed in on `page`, on the settings page. */
async function freshMemberOnSettings(page: Page, name: string): Promise<string> {
  const email = await registerMember(page.request, name, 'Europe/Zurich', DEMO_PASSWORD);
  await signIn(page, email);
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  return email;
}

test('settings: change password (mismatch and wrong current password refused), then sign in with the new one', async ({
  page,
}) => {
  const email = await freshMemberOnSettings(page, 'Password Changer');
  const next = 'a-brand-new-password-2026';
  await page.getByRole('button', { name: 'Change password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change password' });
  await expect(dialog).toBeVisible();
  await checkPage(page, 'settings-change-password');
  await dialog.getByLabel('Current password').fill(DEMO_PASSWORD);
  await dialog.getByLabel(/^New password/).fill(next);
  await dialog.getByLabel('Confirm new password').fill(`${next}!`);
  await dialog.getByRole('button', { name: 'Save new password' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The new password and its confirmation differ.');
  await dialog.getByLabel('Confirm new password').fill(next);
  await dialog.getByLabel('Current password').fill('not-my-password');
  await dialog.getByRole('button', { name: 'Save new password' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The current password is wrong.');
  await dialog.getByLabel('Current password').fill(DEMO_PASSWORD);
  await dialog.getByRole('button', { name: 'Save new password' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Password changed. Your other devices are signed out.' }),
  ).toBeVisible();
  await expect(dialog).toBeHidden();
  // This browser keeps the new token: still signed in after a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await submitSignIn(page, email, DEMO_PASSWORD);
  await expect(page.getByRole('alert')).toHaveText('The e-mail or the password is wrong.');
  await signIn(page, email, next);
});

test('settings: sign out everywhere (keyboard only) ends the session here and in a second browser', async ({ page, browser }) => {
  const email = await registerMember(page.request, 'Everywhere Leaver', 'Europe/Zurich', DEMO_PASSWORD);
  const otherContext = await browser.newContext({ baseURL: process.env.WEB_TEST_BASE_URL });
  const other = await otherContext.newPage();
  await signIn(other, email);
  await signIn(page, email);
  await page.goto('/settings');

  const open = page.getByRole('button', { name: 'Sign out everywhere' });
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Sign out everywhere?' });
  await expect(dialog).toBeVisible();
  await checkPage(page, 'settings-sign-out-everywhere');
  // Escape closes the dialog and gives the focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole('button', { name: 'Sign out everywhere' });
  await tabTo(page, confirm, 10);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/sign-in$/);

  // The second browser's token no longer works: its next request lands on the sign-in page.
  await other.goto('/notifications');
  await expect(other).toHaveURL(/\/sign-in\?next=%2Fnotifications$/);
  await expect(other.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await otherContext.close();
});

test("settings: a new time zone, searched and picked, shows a ballot's closing time in it", async ({ page }) => {
  await freshMemberOnSettings(page, 'Zone Changer');
  const zone = page.getByRole('combobox', { name: 'Time zone' });
  await expect(zone).toHaveValue('Europe/Zurich');
  await zone.click();
  await zone.fill('Tokyo');
  await page.getByRole('option', { name: 'Asia/Tokyo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Time zone saved' })).toBeVisible();
  await expect(zone).toHaveValue('Asia/Tokyo');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Asia/Tokyo');
  await checkPage(page, 'settings-time-zone');

  const ballot = await demoBallot(page.request);
  await page.goto(`/ballots/${ballot.id}`);
  // The browser is in Europe/Zurich (playwright.config.ts): the profile's new zone wins.
  await expectClosingTimeIn(page, ballot.closesAt, 'Asia/Tokyo');
});
