import { expect, type Page } from '@playwright/test';

/** The ballot page's closing time shows `closesAt` in `zone`: its hour, minute, day and zone abbreviation, and the zone's name. */
export async function expectClosingTimeIn(page: Page, closesAt: string, zone: string): Promise<void> {
  const closes = page.getByRole('row', { name: /^Closes/ }).locator('time');
  await expect(closes).toHaveAttribute('datetime', closesAt);
  await expect(closes).toHaveAttribute('title', zone);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      day: 'numeric',
      timeZoneName: 'short',
    })
      .formatToParts(new Date(closesAt))
      .map((p) => [p.type, p.value]),
  );
  await expect(closes).toContainText(`${parts.hour}:${parts.minute} ${parts.timeZoneName}`);
  await expect(closes).toContainText(new RegExp(`\\b${parts.day}\\b`));
}
