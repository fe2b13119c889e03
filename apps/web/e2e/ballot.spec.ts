import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { demoBallot, registerMember } from './support/api';
import { checkPage, DEMO_PASSWORD, expect, signIn, test } from './support/fixtures';
import { tabTo } from './support/keyboard';
import { expectClosingTimeIn } from './support/times';

const DOCUMENT = 'Terms of reference of U4SSC';
const participation = (page: Page) => page.getByRole('main').getByText(/^\d+ of \d+ have voted$/);
const votes = async (page: Page) => Number(/^(\d+)/.exec((await participation(page).textContent()) ?? '')![1]);

test('a member objects without a comment (refused), then with one, gets a receipt, changes the vote; another browser sees participation move', async ({
  page,
  browser,
}) => {
  const ballot = await demoBallot(page.request);
  // A second person watches the same ballot page in another browser context.
  const watcherContext = await browser.newContext({ baseURL: process.env.WEB_TEST_BASE_URL });
  const watcher = await watcherContext.newPage();
  await signIn(watcher, 'observer@u4ssc.example');
  await watcher.goto(`/ballots/${ballot.id}`);
  await expect(participation(watcher)).toBeVisible();
  const before = await votes(watcher);

  await signIn(page, 'member07@u4ssc.example');
  await page.getByRole('region', { name: 'Ballots awaiting your vote' }).getByRole('link', { name: DOCUMENT }).click();
  await expect(page.getByRole('heading', { level: 1, name: DOCUMENT })).toBeVisible();
  await expect(page.getByText('Majority: approved when the quorum is met')).toBeVisible();
  await expect(
    page.getByText(`50% of the electorate: ${Math.ceil(ballot.electorateSize / 2)} of ${ballot.electorateSize} must vote`),
  ).toBeVisible();
  await expect(participation(page)).toHaveText(`${before} of ${ballot.electorateSize} have voted`);

  const vote = page.getByRole('radiogroup', { name: 'Your vote' });
  await vote.getByRole('radio', { name: 'Object' }).check();
  await page.getByRole('button', { name: 'Cast vote' }).click();
  await expect(page.getByRole('alert')).toHaveText('An objection needs a comment that says why.');
  await expect(participation(page)).toHaveText(`${before} of ${ballot.electorateSize} have voted`);

  await page
    .getByRole('textbox', { name: 'Comment' })
    .fill('Section 4 should require a two-thirds majority for changes to these terms.');
  await page.getByRole('button', { name: 'Cast vote' }).click();
  const receipt = page.getByRole('status').filter({ hasText: 'Receipt' });
  await expect(receipt).toContainText(/[0-9a-f]{64}/);
  const first = /[0-9a-f]{64}/.exec((await receipt.textContent()) ?? '')![0];
  await expect(page.getByText('Your current vote: Object (revision 1), cast')).toBeVisible();
  await expect(participation(page)).toHaveText(`${before + 1} of ${ballot.electorateSize} have voted`);
  // The other browser sees the new count without a reload.
  await expect(participation(watcher)).toHaveText(`${before + 1} of ${ballot.electorateSize} have voted`, { timeout: 30_000 });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download receipt' }).click();
  const file = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(file).toMatchObject({
    ballotId: ballot.id,
    document: DOCUMENT,
    version: 1,
    position: 'OBJECT',
    revision: 1,
    receipt: first,
  });

  await vote.getByRole('radio', { name: 'Approve' }).check();
  await page.getByRole('button', { name: 'Cast vote' }).click();
  await expect(page.getByText('Your current vote: Approve (revision 2), cast')).toBeVisible();
  const second = /[0-9a-f]{64}/.exec((await receipt.textContent()) ?? '')![0];
  expect(second).not.toBe(first);
  await expect(participation(page)).toHaveText(`${before + 1} of ${ballot.electorateSize} have voted`);

  // The first receipt still verifies, as replaced by the later vote.
  await page.getByRole('textbox', { name: 'Receipt to verify' }).fill(first);
  await page.getByRole('button', { name: 'Verify a receipt' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Valid: a vote to Object cast' })).toContainText(
    'replaced by a newer vote',
  );
  await checkPage(page, 'ballot');
  await watcherContext.close();
});

test('the same vote with the keyboard only', async ({ page }) => {
  const ballot = await demoBallot(page.request);
  await page.goto('/sign-in');
  await tabTo(page, page.getByRole('textbox', { name: 'Email' }));
  await page.keyboard.type('member09@u4ssc.example');
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'What needs me' })).toBeVisible();
  const link = page.getByRole('region', { name: 'Ballots awaiting your vote' }).getByRole('link', { name: DOCUMENT });
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/ballots/${ballot.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: DOCUMENT })).toBeVisible();

  // Into the radiogroup (first radio), arrows to Object (arrows select in a radiogroup).
  await tabTo(page, page.getByRole('radio', { name: 'Approve' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Object' })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Cast vote' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('An objection needs a comment that says why.');
  await tabTo(page, page.getByRole('textbox', { name: 'Comment' }));
  await page.keyboard.type('Keyboard objection: the quorum is too low.');
  await tabTo(page, page.getByRole('button', { name: 'Cast vote' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Receipt' })).toContainText(/[0-9a-f]{64}/);
  await expect(page.getByText('Your current vote: Object (revision 1), cast')).toBeVisible();

  await tabTo(page, page.getByRole('radio', { name: 'Object' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Abstain' })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Cast vote' }));
  await page.keyboard.press('Space');
  await expect(page.getByText('Your current vote: Abstain (revision 2), cast')).toBeVisible();
  // Focus is visible where the keyboard is.
  await tabTo(page, page.getByRole('button', { name: 'Download receipt' }));
  const outline = await page
    .getByRole('button', { name: 'Download receipt' })
    .evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
});

test('an observer sees the ballot but no "Cast vote"', async ({ page }) => {
  const ballot = await demoBallot(page.request);
  await signIn(page, 'observer@u4ssc.example');
  await page.goto(`/ballots/${ballot.id}`);
  await expect(page.getByRole('heading', { level: 1, name: DOCUMENT })).toBeVisible();
  await expect(participation(page)).toBeVisible();
  await expect(page.getByText('You are not in this ballot’s electorate: you can follow it, but not vote.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cast vote' })).toHaveCount(0);
  await expect(page.getByRole('radiogroup', { name: 'Your vote' })).toHaveCount(0);
  await checkPage(page, 'ballot-observer');
});

test('a person in Asia/Tokyo and one in America/New_York see the same deadline in their own zones', async ({ page, browser }) => {
  const ballot = await demoBallot(page.request);
  for (const zone of ['Asia/Tokyo', 'America/New_York']) {
    const email = await registerMember(page.request, `Reader ${zone.split('/')[1]}`, zone, DEMO_PASSWORD);
    // The browser is elsewhere (UTC): the profile's zone wins.
    const context = await browser.newContext({ baseURL: process.env.WEB_TEST_BASE_URL, timezoneId: 'UTC', locale: 'en-GB' });
    const reader = await context.newPage();
    await signIn(reader, email);
    await reader.goto(`/ballots/${ballot.id}`);
    await expectClosingTimeIn(reader, ballot.closesAt, zone);
    await checkPage(reader, `ballot-${zone.replace('/', '-')}`);
    await context.close();
  }
});
