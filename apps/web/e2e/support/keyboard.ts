import { expect, type Locator, type Page } from '@playwright/test';

/** Presses Tab until `target` has the focus (at most `limit` times): how a keyboard user gets there. */
export async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `reached with Tab within ${limit} presses`).toBeFocused();
}
