import type { Page } from '@playwright/test';
import { checkPage, expect, signIn, test } from './support/fixtures';

/** English words that must not remain on a page shown in French (the messages of the page). */
const ENGLISH = [
  /What needs me/,
  /Ballots awaiting/,
  /have voted/,
  /Cast vote/,
  /\bCloses\b/,
  /\bRule\b/,
  /Your vote/,
  /Verify a receipt/,
  /\bApprove\b/,
  /\bAbstain\b/,
  /Unread notifications/,
  /Sign out/,
  /\bin \d+ (days|weeks)\b/,
];

async function expectNoEnglish(page: Page) {
  const text = (await page.locator('body').innerText()).replace(/Terms of reference of U4SSC/g, '');
  for (const word of ENGLISH) expect(text, `no English "${word.source}" left`).not.toMatch(word);
}

test('French: the home page and the ballot page fully translated', async ({ page }) => {
  await signIn(page, 'member11@u4ssc.example');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Ce qui m’attend' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  for (const name of ['Scrutins en attente de votre vote', 'Vos tâches à échéance proche', 'Notifications non lues']) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  await expect(page.getByRole('banner').getByRole('link', { name: 'Accueil' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Langue' })).toHaveValue('fr');
  await expectNoEnglish(page);
  await checkPage(page, 'home-fr');

  await page.getByRole('region', { name: 'Scrutins en attente de votre vote' }).getByRole('link').first().click();
  await expect(page.getByRole('radiogroup', { name: 'Votre vote' })).toBeVisible();
  for (const name of ['Pour', 'Contre', 'Abstention']) await expect(page.getByRole('radio', { name })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Voter' })).toBeVisible();
  await expect(page.getByRole('main').getByText(/^\d+ sur \d+ ont voté$/)).toBeVisible();
  await expect(page.getByRole('row', { name: /^Clôture/ })).toContainText(/dans \d+ (jours|semaines)/);
  await page.getByRole('radio', { name: 'Contre' }).check();
  await page.getByRole('button', { name: 'Voter' }).click();
  await expect(page.getByRole('alert')).toHaveText('Un vote contre doit être motivé par un commentaire.');
  await expectNoEnglish(page);
  await checkPage(page, 'ballot-fr');
  // The choice is remembered.
  await page.reload();
  await expect(page.getByRole('radiogroup', { name: 'Votre vote' })).toBeVisible();
});
