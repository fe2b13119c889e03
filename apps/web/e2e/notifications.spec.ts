import { openBallotForGroupOf, registerPerson } from './support/api';
import { checkPage, DEMO_PASSWORD, expect, signIn, test } from './support/fixtures';

test('notifications: newest first, "Mark all read" empties the banner count', async ({ page }) => {
  await signIn(page, 'member06@u4ssc.example');
  const banner = page.getByRole('banner');
  // The demo ballot's BALLOT_OPENED reminder (and overdue items) reach every member once the worker has run.
  await expect(banner.getByRole('link', { name: /^Notifications \(\d+\)$/ })).toBeVisible({ timeout: 60_000 });
  await banner.getByRole('link', { name: /^Notifications/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Notifications, newest first' });
  const times = await list
    .locator('time')
    .evaluateAll((nodes) => nodes.filter((_, i) => i % 1 === 0).map((n) => n.getAttribute('datetime')!));
  expect(times.length).toBeGreaterThan(0);
  await checkPage(page, 'notifications');
  await page.getByRole('button', { name: 'Mark all read' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'marked read' })).toBeVisible();
  await expect(banner.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark all read' })).toBeDisabled();
});

test('notifications: the banner count moves without a reload when a notification arrives', async ({ page }) => {
  const member = await registerPerson(page.request, 'Live Reader', 'Europe/Zurich', DEMO_PASSWORD);
  await signIn(page, member.email);
  const banner = page.getByRole('banner');
  // A new member has nothing unread yet.
  await expect(banner.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  // The secretariat opens a ballot of a group this member alone belongs to (as its chair): BALLOT_OPENED for them.
  await openBallotForGroupOf(page.request, member);
  await expect(banner.getByRole('link', { name: 'Notifications (1)' })).toBeVisible({ timeout: 60_000 });
});
