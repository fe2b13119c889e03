import { demoInitiativeId, gql, login, uniqueSuffix } from './support/api';
import { checkPage, expect, signIn, test } from './support/fixtures';
import { tabTo } from './support/keyboard';

/** WG2's chair adds a work item to WG2's plan, with a description holding `word`. */
async function addWorkItemToWg2(request: Parameters<typeof login>[0], word: string): Promise<string> {
  const token = await login(request, 'chair.wg2@u4ssc.example');
  const { initiative } = await gql<{ initiative: { workingGroups: { code: string; workPlan: { id: string } | null }[] } }>(
    request,
    `{ initiative(slug: "u4ssc") { workingGroups { code workPlan { id } } } }`,
    {},
    token,
  );
  const planId = initiative.workingGroups.find((g) => g.code === 'WG2')!.workPlan!.id;
  await gql(
    request,
    `mutation ($input: AddWorkItemInput!) { addWorkItem(input: $input) { id } }`,
    {
      input: {
        workPlanId: planId,
        kind: 'DELIVERABLE',
        title: `Mobility indicators ${word}`,
        description: `Guidelines on ${word} deliverables for cities.`,
      },
    },
    token,
  );
  return planId;
}

test('a member searches a work item by a word of its description and a decision by its number, from the banner, by keyboard', async ({
  page,
  request,
}) => {
  const word = `zeb${uniqueSuffix().replace(/[^a-z]/g, 'q')}`;
  await addWorkItemToWg2(request, word);
  await signIn(page, 'member05@u4ssc.example');

  const box = page.getByRole('banner').getByRole('searchbox', { name: 'Search' });
  await tabTo(page, box);
  await page.keyboard.type(`${word} deliverable`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'result' })).toHaveText(
    `1 result for “${word} deliverable” in United for Smart Sustainable Cities`,
  );
  const results = page.getByRole('list', { name: 'Results' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  const hit = results.getByRole('listitem').first();
  await expect(hit).toContainText('Work item');
  await expect(hit).toContainText('WG2 · ');
  // The matched words are marked, as elements.
  await expect(hit.locator('mark')).toHaveText([word, 'deliverables']);
  await checkPage(page, 'search');

  const link = hit.getByRole('link', { name: `Mobility indicators ${word} (Work item)` });
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/groups\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: /^WG2 / })).toBeVisible();

  // A decision by its number, as written, from the group's page (the initiative searched last).
  await box.fill('U4SSC-1/2');
  await expect(box).toHaveValue('U4SSC-1/2');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=U4SSC-1%2F2&i=/);
  const first = results.getByRole('listitem').first();
  await expect(first).toContainText('Decision');
  await expect(first.getByRole('link', { name: 'Decision U4SSC-1/2 (Decision)' })).toBeVisible();
  await expect(first.locator('mark')).toHaveText(['U4SSC-1/2']);

  // Kind filters: only decisions, the one written first.
  await page.getByRole('checkbox', { name: 'Decision', exact: true }).check();
  await expect(page.getByRole('status').filter({ hasText: 'result' })).toHaveText(
    /^\d+ results? for “U4SSC-1\/2” in United for Smart Sustainable Cities$/,
  );
  await expect(results.getByRole('listitem').first()).toContainText('Decision U4SSC-1/2');
  for (const item of await results.getByRole('listitem').all()) await expect(item).toContainText('Decision');

  await results.getByRole('listitem').first().getByRole('link').click();
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
});

test('what a reader may not see is not found: a DRAFT meeting is found by its chair, not by an observer', async ({
  page,
  request,
}) => {
  const word = `zeb${uniqueSuffix().replace(/[^a-z]/g, 'q')}`;
  const chair = await login(request, 'chair.wg2@u4ssc.example');
  const initiativeId = await demoInitiativeId(request, chair);
  const { initiative } = await gql<{ initiative: { workingGroups: { id: string; code: string }[] } }>(
    request,
    `{ initiative(slug: "u4ssc") { workingGroups { id code } } }`,
    {},
    chair,
  );
  await gql(
    request,
    `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id status } }`,
    {
      input: {
        initiativeId,
        workingGroupId: initiative.workingGroups.find((g) => g.code === 'WG2')!.id,
        title: `Retreat ${word}`,
        sessions: [{ startsAt: '2031-03-03T09:00:00Z', endsAt: '2031-03-03T11:00:00Z' }],
      },
    },
    chair,
  );

  await signIn(page, 'observer@u4ssc.example');
  const box = page.getByRole('banner').getByRole('searchbox', { name: 'Search' });
  await box.fill(word);
  await box.press('Enter');
  await expect(page.getByText(`Nothing you may read matches “${word}”.`)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Results' })).toHaveCount(0);
  await checkPage(page, 'search-empty');

  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await signIn(page, 'chair.wg2@u4ssc.example');
  await page.getByRole('banner').getByRole('searchbox', { name: 'Search' }).fill(word);
  await page.getByRole('banner').getByRole('searchbox', { name: 'Search' }).press('Enter');
  const results = page.getByRole('list', { name: 'Results' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.getByRole('listitem').first()).toContainText(`WG2 · Meeting`);
  await expect(results.getByRole('listitem').first()).toContainText('Draft');
});

test('the search page in French, with nothing typed yet', async ({ page }) => {
  await signIn(page, 'member05@u4ssc.example');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await page.goto('/search');
  await expect(page.getByRole('heading', { level: 1, name: 'Recherche' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('searchbox', { name: 'Rechercher' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Élément du plan' })).toBeVisible();
  await checkPage(page, 'search-fr');
});
