import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { gql, login } from './support/api';
import { groupWithTerms, proposeAmendment } from './support/discussion';
import { checkPage, expect, signIn, test } from './support/fixtures';

/** Signs out by forgetting this browser's token, then signs in as `email`. */
async function switchTo(page: Page, email: string) {
  await page.evaluate(() => localStorage.clear());
  await signIn(page, email);
}

test('a member comments and proposes a change with its diff; the chair accepts it with another: one new version and its diff', async ({
  page,
}) => {
  test.slow();
  const { termsId, chair, member } = await groupWithTerms(page.request);
  await signIn(page, member.email);
  await page.goto(`/terms/${termsId}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Version 1' })).toBeVisible();
  const second = page.getByRole('region', { name: 'Paragraph 2', exact: true });
  await expect(second).toContainText('how cities measure their progress');

  // A comment on paragraph 3, then edited: "edited" with the time.
  const third = page.getByRole('region', { name: 'Paragraph 3', exact: true });
  await third.getByRole('button', { name: 'Comment on paragraph 3' }).click();
  await third.getByRole('textbox', { name: 'Comment on paragraph 3' }).fill('Consensus needs a definition.');
  await third.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your comment was posted.' })).toBeVisible();
  const thread = third.getByRole('list', { name: 'Comments on paragraph 3' });
  await expect(thread).toContainText('Consensus needs a definition.');
  await expect(third.getByRole('button', { name: '1 comment on paragraph 3' })).toHaveAttribute('aria-expanded', 'true');
  await thread.getByRole('button', { name: 'Edit' }).click();
  await thread.getByRole('textbox', { name: 'Your comment' }).fill('Consensus needs a definition in the text.');
  await thread.getByRole('button', { name: 'Save changes' }).click();
  await expect(thread).toContainText('Consensus needs a definition in the text.');
  await expect(thread).toContainText(/edited .*(EST|EDT|GMT-[45])/);

  // A general comment.
  const general = page.getByRole('region', { name: 'General comments' });
  await general.getByRole('textbox', { name: 'Comment on the document' }).fill('A useful draft.');
  await general.getByRole('button', { name: 'Post comment' }).click();
  await expect(general.getByRole('list', { name: 'General comments' })).toContainText('A useful draft.');

  // Propose a change to paragraph 2: the dialog shows the diff as it is typed.
  await second.getByRole('button', { name: 'Propose a change to paragraph 2' }).click();
  const dialog = page.getByRole('dialog', { name: 'Propose a change to paragraph 2' });
  await dialog
    .getByRole('textbox', { name: 'Proposed text' })
    .fill('The group studies how cities and communities measure their progress towards the SDGs.');
  await dialog.getByRole('textbox', { name: 'Rationale' }).fill('Communities too.');
  const preview = dialog.getByRole('region', { name: 'Proposed changes to paragraph 2' });
  await expect(preview.locator('ins')).toHaveText(['and communities ']);
  await expect(preview.locator('del')).toHaveCount(0);
  await checkPage(page, 'terms-propose');
  await dialog.getByRole('button', { name: 'Propose the change' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Your change to paragraph 2 was proposed.' })).toBeVisible();
  await expect(second).toContainText('1 proposed change');
  await expect(
    second.getByRole('region', { name: `Change to paragraph 2 proposed by ${member.name}` }).locator('ins'),
  ).toHaveText(['and communities ']);
  // A member reviews nothing.
  await expect(page.getByRole('region', { name: 'Review proposed changes' })).toHaveCount(0);
  await checkPage(page, 'terms-discussion-member');

  // A second proposal (paragraph 3), through the API.
  await proposeAmendment(
    page.request,
    member.email,
    termsId,
    3,
    'Members meet by correspondence and decide by consensus, as defined in annex A.',
  );

  await switchTo(page, chair.email);
  await page.goto(`/terms/${termsId}`);
  const review = page.getByRole('region', { name: 'Review proposed changes' });
  await review.getByRole('checkbox', { name: `Select the change to paragraph 2 by ${member.name}` }).check();
  await review.getByRole('checkbox', { name: `Select the change to paragraph 3 by ${member.name}` }).check();
  await review.getByRole('textbox', { name: 'Resolution' }).fill('Agreed at the group meeting.');
  await checkPage(page, 'terms-review');
  await review.getByRole('button', { name: 'Accept 2 selected changes' }).click();
  await expect(review.getByRole('status')).toHaveText('Version 2 was created from the accepted changes.');
  const diff = review.getByRole('region', { name: 'Changes from version 1 to version 2' });
  // The new version's text ends with a line break, which the diff shows too.
  await expect(diff.locator('ins')).toContainText(['and communities ', ', as defined in annex A']);
  await expect(page.getByRole('heading', { level: 2, name: 'Version 2' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Paragraph 2', exact: true })).toContainText('cities and communities measure');
  await expect(review).toContainText('No change awaits review.');
  const decided = page.getByRole('list', { name: 'Decided and withdrawn changes' });
  await expect(decided.getByRole('listitem')).toHaveCount(2);
  await expect(decided).toContainText('Agreed at the group meeting.');
  await expect(decided).toContainText('Taken into version 2.');
  // The comment on version 1 stays, among the general comments, saying where it pointed.
  await expect(page.getByRole('list', { name: 'General comments' })).toContainText('On version 1, paragraph 3');
  await checkPage(page, 'terms-accepted');
});

test('a chair rejects a proposed change with a reason, which is required; the proposer may withdraw another', async ({
  page,
}) => {
  test.slow();
  const { termsId, chair, member } = await groupWithTerms(page.request);
  await proposeAmendment(page.request, member.email, termsId, 1, '## 1. Purpose and scope');
  await proposeAmendment(page.request, member.email, termsId, 3, '');

  await signIn(page, member.email);
  await page.goto(`/terms/${termsId}`);
  const third = page.getByRole('region', { name: 'Paragraph 3', exact: true });
  await expect(third).toContainText('Proposes to delete the paragraph.');
  await third.getByRole('button', { name: 'Withdraw' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your proposal was withdrawn.' })).toBeVisible();
  await expect(third).not.toContainText('proposed change');

  await switchTo(page, chair.email);
  await page.goto(`/terms/${termsId}`);
  const review = page.getByRole('region', { name: 'Review proposed changes' });
  await review.getByRole('button', { name: `Reject the change to paragraph 1 by ${member.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Reject the change to paragraph 1 by ${member.name}` });
  await dialog.getByRole('button', { name: 'Reject the change' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Give the reason for rejecting it.');
  await checkPage(page, 'terms-reject');
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('The scope is in section 2.');
  await dialog.getByRole('button', { name: 'Reject the change' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'The change was rejected.' })).toBeVisible();
  await expect(review).toContainText('No change awaits review.');
  const decided = page.getByRole('list', { name: 'Decided and withdrawn changes' });
  await expect(decided).toContainText('Rejected');
  await expect(decided).toContainText('The scope is in section 2.');
  await expect(decided).toContainText('Withdrawn');
  await expect(page.getByRole('heading', { level: 2, name: 'Version 1' })).toBeVisible();
  await checkPage(page, 'terms-rejected');
});

test('an observer reads comments and proposals without any button to add them; an open ballot freezes proposals', async ({
  page,
}) => {
  test.slow();
  const { termsId, member } = await groupWithTerms(page.request);
  await proposeAmendment(page.request, member.email, termsId, 2, 'The group studies how cities measure progress.');

  await signIn(page, 'observer@u4ssc.example');
  await page.goto(`/terms/${termsId}`);
  const second = page.getByRole('region', { name: 'Paragraph 2', exact: true });
  await expect(second).toContainText('1 proposed change');
  await expect(page.getByRole('button', { name: /^Comment on paragraph/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Propose a change/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Withdraw' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Comment on the document' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Review proposed changes' })).toHaveCount(0);
  await second.getByRole('button', { name: '0 comments on paragraph 2' }).click();
  await expect(second).toContainText('No comments yet.');
  await checkPage(page, 'terms-observer');

  // The initiative's own terms of reference are under an OPEN ballot in the demo.
  await switchTo(page, 'member11@u4ssc.example');
  const token = await login(page.request, 'member11@u4ssc.example');
  const { initiative } = await gql<{ initiative: { termsOfReference: { id: string } } }>(
    page.request,
    `{ initiative(slug: "u4ssc") { termsOfReference { id } } }`,
    {},
    token,
  );
  await page.goto(`/terms/${initiative.termsOfReference.id}`);
  await expect(page.getByRole('button', { name: 'Propose a change to paragraph 1' })).toBeDisabled();
  await expect(page.getByText(/A ballot on this document is open/)).toBeVisible();
  await checkPage(page, 'terms-frozen');
});

test('comments on a KPI: a member comments and replies; an observer only reads', async ({ page }) => {
  test.slow();
  await signIn(page, 'member12@u4ssc.example');
  await page.goto('/i/u4ssc/kpis');
  await page.getByRole('searchbox', { name: 'Code or name' }).fill('EC:ICT:ICT:3C');
  await page.getByRole('link', { name: 'Wireless Broadband Subscriptions' }).click();
  const comments = page.getByRole('region', { name: 'Comments' });
  await expect(comments).toContainText('No comments on this KPI yet.');
  await comments.getByRole('textbox', { name: 'Comment on this KPI' }).fill('Which speed counts as broadband?');
  await comments.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your comment was posted.' })).toBeVisible();
  const list = comments.getByRole('list', { name: 'Comments on this KPI' });
  await list.getByRole('button', { name: /^Reply to / }).click();
  await list.getByRole('textbox', { name: /^Your reply to / }).fill('At least 2 Mbit/s.');
  await list.getByRole('button', { name: 'Post reply' }).click();
  await expect(list.getByRole('list', { name: /^Replies to / })).toContainText('At least 2 Mbit/s.');
  await checkPage(page, 'kpi-comments');
  const url = page.url();

  await switchTo(page, 'observer@u4ssc.example');
  await page.goto(url);
  await expect(page.getByRole('list', { name: 'Comments on this KPI' })).toContainText('Which speed counts as broadband?');
  await expect(page.getByRole('textbox', { name: 'Comment on this KPI' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Reply to / })).toHaveCount(0);
  await checkPage(page, 'kpi-comments-observer');
});

test('the disposition of comments downloads as Markdown and CSV with the session’s token', async ({ page }) => {
  test.slow();
  const { termsId, member } = await groupWithTerms(page.request);
  await proposeAmendment(page.request, member.email, termsId, 2, 'The group studies how towns measure their progress.');
  await signIn(page, member.email);
  await page.goto(`/terms/${termsId}`);
  const section = page.getByRole('region', { name: 'Disposition of comments' });
  for (const [button, format, expected] of [
    ['Download as Markdown', 'MD', '# Disposition of comments'],
    ['Download as CSV', 'CSV', 'how towns measure'],
  ] as const) {
    const download = page.waitForEvent('download');
    await section.getByRole('button', { name: button }).click();
    const file = await download;
    const text = await readFile(await file.path(), 'utf8');
    expect(text).toContain(expected);
    await expect(section.getByRole('status')).toHaveText(`The disposition of comments was downloaded (${format}).`);
  }
  await checkPage(page, 'terms-disposition');
});
