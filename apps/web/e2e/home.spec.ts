import { checkPage, expect, signIn, test } from './support/fixtures';

test('home: a member sees the open ballot awaiting their vote, their unread notifications, and the sections of ui.md', async ({
  page,
}) => {
  await signIn(page, 'member03@u4ssc.example');
  const main = page.getByRole('main');
  for (const name of ['Ballots awaiting your vote', 'Your items due soon', 'Unread notifications']) {
    await expect(main.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  const ballots = main.getByRole('region', { name: 'Ballots awaiting your vote' });
  await expect(ballots.getByRole('link', { name: 'Terms of reference of U4SSC' })).toBeVisible();
  await expect(ballots).toContainText(/Closes .+ (CET|CEST|GMT\+1|GMT\+2) \(in (\d+ days|\d+ weeks|4 weeks)\)/);
  await checkPage(page, 'home');
});

test('home: an observer has no ballot to vote in', async ({ page }) => {
  await signIn(page, 'observer@u4ssc.example');
  const ballots = page.getByRole('region', { name: 'Ballots awaiting your vote' });
  await expect(ballots).toContainText('No ballot is waiting for your vote.');
});
