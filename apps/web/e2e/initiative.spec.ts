import { checkPage, expect, signIn, test } from './support/fixtures';

test('initiative overview: a table of the working groups with links and progress bars', async ({ page, request }) => {
  await signIn(page, 'member04@u4ssc.example');
  await page.getByRole('link', { name: 'United for Smart Sustainable Cities' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'United for Smart Sustainable Cities' })).toBeVisible();
  await expect(page).toHaveURL(/\/i\/u4ssc$/);
  const table = page.getByRole('table');
  const rows = table.getByRole('row').filter({ has: page.getByRole('link') });
  await expect(rows.filter({ has: page.getByRole('link', { name: /^WG[123] / }) })).toHaveCount(3);
  // The figures the API gives, rounded, are what the progress bars announce.
  const token = await page.evaluate(() => localStorage.getItem('wg.token'));
  const response = await request.post('/graphql', {
    headers: { authorization: `Bearer ${token}` },
    data: { query: '{ initiative(slug: "u4ssc") { id } }' },
  });
  const { id } = (await response.json()).data.initiative;
  const progress = await request.post('/graphql', {
    headers: { authorization: `Bearer ${token}` },
    data: {
      query: `{ initiativeProgress(initiativeId: "${id}") { workingGroups { workingGroup { code name } progress { percentComplete } } } }`,
    },
  });
  const groups = (await progress.json()).data.initiativeProgress.workingGroups;
  // One linked row per group (the demo's three, and any a test before this one added).
  await expect(rows).toHaveCount(groups.length);
  for (const { workingGroup, progress: p } of groups) {
    const row = rows.filter({ has: page.getByRole('link', { name: `${workingGroup.code} ${workingGroup.name}` }) });
    await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', String(Math.round(p.percentComplete)));
  }
  await checkPage(page, 'initiative');
});
