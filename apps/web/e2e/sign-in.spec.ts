import { checkPage, DEMO_PASSWORD, expect, submitSignIn, test } from './support/fixtures';

test.describe('sign in', () => {
  test('a wrong password is refused with a message, the right one lands on the home page', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
    await checkPage(page, 'sign-in');
    await page.getByRole('textbox', { name: 'Email' }).fill('member01@u4ssc.example');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('The e-mail or the password is wrong.');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'What needs me' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Home' })).toBeVisible();
  });

  test('a client route opened signed out comes back after sign-in; sign out ends the session', async ({ page }) => {
    await page.goto('/notifications');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fnotifications$/);
    await submitSignIn(page, 'member02@u4ssc.example');
    await expect(page).toHaveURL(/\/notifications$/);
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});
