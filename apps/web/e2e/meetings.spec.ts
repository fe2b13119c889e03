import type { APIRequestContext, Locator } from '@playwright/test';
import { gql, login, registerMember } from './support/api';
import { checkPage, DEMO_PASSWORD, expect, signIn, test } from './support/fixtures';
import { tabTo } from './support/keyboard';

interface DemoMeeting {
  id: string;
  number: number;
  status: string;
  workingGroup: { code: string } | null;
  sessions: { startsAt: string; endsAt: string }[];
}

/** The demo initiative's meetings, as a member sees them through the API. */
async function demoMeetings(request: APIRequestContext): Promise<DemoMeeting[]> {
  const token = await login(request, 'member01@u4ssc.example');
  const data = await gql<{ initiative: { meetings: { edges: { node: DemoMeeting }[] } } }>(
    request,
    `{ initiative(slug: "u4ssc") { meetings(first: 50) { edges { node {
        id number status workingGroup { code } sessions { startsAt endsAt } } } } } }`,
    {},
    token,
  );
  return data.initiative.meetings.edges.map((e) => e.node);
}

const AGENDA = [
  'Opening of the meeting',
  'Approval of the structure',
  'Terms of reference of U4SSC',
  'Work plan of WG1',
  'Work plan of WG2',
  'Work plan of WG3',
  'The KPIs for smart sustainable cities',
  'Any other business',
];

/** "21 Jul 2016, 17:00 CEST"-like parts of an instant in a zone, as the page writes them (en-GB). */
function timeIn(iso: string, zone: string): { day: string; clock: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { day: parts.day, clock: `${parts.hour}:${parts.minute} ${parts.timeZoneName}` };
}

async function expectTimeIn(session: Locator, iso: string, zone: string) {
  const time = session.locator(`time[title="${zone}"][datetime="${iso}"]`);
  await expect(time).toHaveCount(1);
  const { day, clock } = timeIn(iso, zone);
  await expect(time).toContainText(clock);
  await expect(time).toContainText(new RegExp(`\\b${day}\\b`));
}

test('a group member answers the invitation to their group’s announced meeting (Attending, then Not attending); the answer is kept', async ({
  page,
}) => {
  const meeting = (await demoMeetings(page.request)).find((m) => m.workingGroup?.code === 'WG2' && m.status === 'ANNOUNCED')!;
  await signIn(page, 'member06@u4ssc.example');
  // Home: "Meetings this month" lists the member's meetings whose first session is this month (in Zurich, their zone).
  const month = (iso: string | number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich', year: 'numeric', month: '2-digit' }).format(new Date(iso));
  const thisMonth = page.getByRole('region', { name: 'Meetings this month' });
  if (month(meeting.sessions[0].startsAt) === month(Date.now())) {
    await expect(thisMonth.getByRole('link', { name: 'WG2 progress meeting' })).toBeVisible();
  } else {
    await expect(thisMonth).toContainText('You are invited to no meeting this month.');
  }
  // The initiative's meetings include the plenary; the group's page lists the group's meeting.
  await page.goto('/i/u4ssc');
  const initiativeMeetings = page.getByRole('region', { name: 'Meetings', exact: true });
  await expect(initiativeMeetings.getByRole('listitem').filter({ hasText: 'First meeting of U4SSC' })).toContainText('Closed');
  await page.getByRole('link', { name: 'WG2 Connecting Cities and Communities' }).click();
  const groupMeetings = page.getByRole('region', { name: 'Meetings', exact: true });
  await expect(groupMeetings.getByRole('listitem')).toHaveCount(1);
  await expect(groupMeetings.getByRole('listitem')).toContainText('Announced');
  await groupMeetings.getByRole('link', { name: 'WG2 progress meeting' }).click();
  await expect(page).toHaveURL(`/meetings/${meeting.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'WG2 progress meeting' })).toBeVisible();
  await expect(page.getByText('You have not answered yet.')).toBeVisible();
  // With the keyboard only: Tab to the button, Enter.
  await tabTo(page, page.getByRole('button', { name: 'Attending', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Your answer is saved: Attending.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Attending', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByText('You answered: attending.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Attending', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Not attending' })).toHaveAttribute('aria-pressed', 'false');
  // A member only answers: no chair's tools.
  await expect(page.getByRole('button', { name: 'Start meeting' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add an agenda item' })).toHaveCount(0);
  await checkPage(page, 'meeting-announced');
  // The answer can change: Not attending.
  await page.getByRole('button', { name: 'Not attending' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your answer is saved: Not attending.' })).toBeVisible();
  await expect(page.getByText('You answered: not attending.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Attending', exact: true })).toHaveAttribute('aria-pressed', 'false');
});

test('a member in Asia/Tokyo reads U4SSC meeting 1: sessions in Geneva’s zone and theirs, the agenda in order, the decisions', async ({
  page,
}) => {
  const meeting = (await demoMeetings(page.request)).find((m) => m.number === 1)!;
  const email = await registerMember(page.request, 'Reader Tokyo', 'Asia/Tokyo', DEMO_PASSWORD);
  await signIn(page, email);
  await page.goto(`/meetings/${meeting.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'First meeting of U4SSC', exact: true })).toBeVisible();
  await expect(page.getByText('Closed', { exact: true })).toBeVisible();
  await expect(page.getByText('ITU headquarters, Rue de Varembé 2, Geneva')).toBeVisible();

  const sessions = page.getByRole('list', { name: 'Sessions' }).getByRole('listitem');
  await expect(sessions).toHaveCount(2);
  for (const [i, session] of meeting.sessions.entries()) {
    for (const zone of ['Asia/Tokyo', 'Europe/Zurich']) {
      await expectTimeIn(sessions.nth(i), session.startsAt, zone);
      await expectTimeIn(sessions.nth(i), session.endsAt, zone);
    }
  }
  await expect(sessions.first()).toContainText('17:00 CEST');
  await expect(sessions.first()).toContainText('00:00 GMT+9');

  const agenda = page.getByRole('list', { name: 'Agenda' }).locator(':scope > li');
  await expect(agenda).toHaveCount(AGENDA.length);
  for (const [i, title] of AGENDA.entries()) await expect(agenda.nth(i)).toContainText(title);
  const tor = page.getByRole('group', { name: 'Papers for Terms of reference of U4SSC' });
  await expect(tor.getByRole('link', { name: 'Terms of reference of U4SSC' })).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Papers for Work plan of WG2' }).getByRole('link', { name: 'Work plan of WG2' }),
  ).toBeVisible();

  const decisions = page.getByRole('list', { name: 'Decisions' }).getByRole('listitem');
  await expect(decisions).toHaveCount(4);
  for (let n = 1; n <= 4; n++) await expect(decisions.nth(n - 1)).toContainText(`U4SSC-1/${n}`);
  await expect(
    page
      .getByRole('region', { name: 'Minutes' })
      .getByRole('heading', { level: 3, name: 'Minutes of the first meeting of U4SSC' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Attending', exact: true })).toHaveCount(0);

  // Keyboard: the agenda's links are reachable with Tab and followed with Enter.
  await tabTo(page, tor.getByRole('link', { name: 'Terms of reference of U4SSC' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/terms\//);
  await page.goBack();
  await checkPage(page, 'meeting-closed');
});

test('French: the meeting page fully translated', async ({ page }) => {
  const meeting = (await demoMeetings(page.request)).find((m) => m.number === 1)!;
  await signIn(page, 'member11@u4ssc.example');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await page.goto(`/meetings/${meeting.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'First meeting of U4SSC', exact: true })).toBeVisible();
  for (const name of ['Séances', 'Ordre du jour', 'Décisions', 'Procès-verbal']) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  await expect(page.getByText('Clôturée', { exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Ordre du jour' }).locator(':scope > li')).toHaveCount(AGENDA.length);
  const text = await page.getByRole('main').innerText();
  for (const word of [
    /\bSessions\b/,
    /\bAgenda\b/,
    /For decision/,
    /For discussion/,
    /Presented by/,
    /\bVenue\b/,
    /Meeting 1\b/,
  ]) {
    expect(text, `no English "${word.source}" left`).not.toMatch(word);
  }
  await checkPage(page, 'meeting-fr');
});
