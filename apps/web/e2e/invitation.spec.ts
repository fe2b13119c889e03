import { checkPage, expect, test } from './support/fixtures';
import { invitationLink, registerMember } from './support/api';

test('an invitation e-mail’s link sets a password and lands signed in', async ({ page, request }) => {
  const email = await registerMember(request, 'Invited Delegate', 'Europe/Paris');
  const link = new URL(await invitationLink(email));
  expect(link.pathname).toMatch(/^\/invitation\/[\w%-]+$/);
  await page.goto(link.pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Set your password' })).toBeVisible();
  await checkPage(page, 'invitation');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('a-new-password-1');
  await page.getByRole('textbox', { name: 'Confirm password' }).fill('another-password');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('alert')).toHaveText('The two passwords differ.');
  await page.getByRole('textbox', { name: 'Confirm password' }).fill('a-new-password-1');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What needs me' })).toBeVisible();
  await expect(page.getByText('Welcome, Invited Delegate.')).toBeVisible();
  // The link is single-use.
  await page.evaluate(() => localStorage.clear());
  await page.goto(link.pathname);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('a-new-password-2');
  await page.getByRole('textbox', { name: 'Confirm password' }).fill('a-new-password-2');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'This invitation link is not valid any more. Ask the secretariat for a new one.',
  );
});
