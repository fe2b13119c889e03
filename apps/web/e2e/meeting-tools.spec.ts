import type { APIRequestContext, Page } from '@playwright/test';
import { gql, login, uniqueSuffix } from './support/api';
import { checkPage, expect, signIn, test } from './support/fixtures';
import { tabTo } from './support/keyboard';

interface DemoStructure {
  id: string;
  workingGroups: { id: string; code: string; workPlan: { id: string; title: string } | null }[];
}

async function demoStructure(request: APIRequestContext, token: string): Promise<DemoStructure> {
  const data = await gql<{ initiative: DemoStructure }>(
    request,
    `{ initiative(slug: "u4ssc") { id workingGroups { id code workPlan { id title } } } }`,
    {},
    token,
  );
  return data.initiative;
}

/**
 * An ANNOUNCED meeting of WG3 (in 2027, so that no one's "Meetings this month" changes) with two
 * agenda items, the second about WG3's work plan, set up through the API as WG3's chair.
 */
async function announcedWg3Meeting(request: APIRequestContext, title: string): Promise<{ id: string; number: number }> {
  const token = await login(request, 'chair.wg3@u4ssc.example');
  const initiative = await demoStructure(request, token);
  const wg3 = initiative.workingGroups.find((g) => g.code === 'WG3')!;
  const { scheduleMeeting: meeting } = await gql<{ scheduleMeeting: { id: string; number: number } }>(
    request,
    `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id number } }`,
    {
      input: {
        initiativeId: initiative.id,
        workingGroupId: wg3.id,
        title,
        venue: 'Online',
        timeZone: 'Europe/Zurich',
        sessions: [{ startsAt: '2027-02-10T09:00:00Z', endsAt: '2027-02-10T11:00:00Z' }],
      },
    },
    token,
  );
  for (const item of [
    { title: 'Opening', kind: 'INFORMATION' },
    { title: 'Progress of the work plan', kind: 'DECISION', workPlanId: wg3.workPlan!.id },
  ]) {
    await gql(
      request,
      `mutation ($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`,
      { input: { meetingId: meeting.id, ...item } },
      token,
    );
  }
  await gql(request, `mutation ($id: ID!) { announceMeeting(id: $id) { id } }`, { id: meeting.id }, token);
  return meeting;
}

/** The agenda's items in order, as the page lists them. */
const agendaItems = (page: Page) => page.getByRole('list', { name: 'Agenda' }).locator(':scope > li');

async function addAgendaItem(page: Page, title: string, kind: string, workPlan?: string) {
  await page.getByRole('button', { name: 'Add an agenda item' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an agenda item' });
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await dialog.getByRole('combobox', { name: 'Kind' }).selectOption({ label: kind });
  if (workPlan) {
    // The plan's option reads "<group code>: <plan title>".
    const plans = dialog.getByRole('combobox', { name: 'Work plan' });
    const label = await plans
      .locator('option', { hasText: `${workPlan}: ` })
      .first()
      .textContent();
    await plans.selectOption({ label: label! });
  }
  await dialog.getByRole('button', { name: 'Add the item' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `“${title}” is added to the agenda.` })).toBeVisible();
}

test('a chair schedules a group meeting, edits and announces it, builds its agenda and reorders it with the keyboard only', async ({
  page,
}) => {
  test.slow();
  const title = `WG1 drafting meeting ${uniqueSuffix()}`;
  await signIn(page, 'chair.wg1@u4ssc.example');
  await page.goto('/i/u4ssc');
  // A chair schedules their group's meetings from the group's page, not the initiative's.
  await expect(page.getByRole('heading', { level: 1, name: 'United for Smart Sustainable Cities' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Meetings', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Schedule a meeting' })).toHaveCount(0);
  await page.getByRole('link', { name: 'WG1 Setting the Framework' }).click();
  await page.getByRole('button', { name: 'Schedule a meeting' }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule a meeting' });
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await dialog.getByRole('textbox', { name: 'Venue' }).fill('Palais des Nations, Geneva');
  // Sessions typed in New York's zone, read back in the reader's (Zurich) and in UTC.
  const zone = dialog.getByRole('combobox', { name: 'Time zone of the meeting' });
  await zone.click();
  await zone.fill('America/New_York');
  await page.getByRole('option', { name: 'America/New_York', exact: true }).click();
  await expect(dialog.getByText('Sessions (times in America/New_York)')).toBeVisible();
  await dialog.getByLabel('Date of session 1').fill('2027-03-10');
  await dialog.getByLabel('Start of session 1').fill('09:00');
  await dialog.getByLabel('End of session 1').fill('12:00');
  const first = dialog.getByRole('group', { name: 'Session 1' });
  await expect(first).toContainText('In your zone (Europe/Zurich): Wed, 10 Mar 2027, 15:00 CET – Wed, 10 Mar 2027, 18:00 CET');
  await expect(first).toContainText('In UTC: Wed, 10 Mar 2027, 14:00 UTC – Wed, 10 Mar 2027, 17:00 UTC');
  await dialog.getByRole('button', { name: 'Add a session' }).click();
  await dialog.getByLabel('Date of session 2').fill('2027-03-11');
  await dialog.getByLabel('Start of session 2').fill('09:00');
  await dialog.getByLabel('End of session 2').fill('11:00');
  await checkPage(page, 'meeting-schedule-dialog');
  await dialog.getByRole('button', { name: 'Schedule the meeting' }).click();

  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  const meetingId = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();
  const sessions = page.getByRole('list', { name: 'Sessions' }).getByRole('listitem');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.first()).toContainText('15:00 CET');
  await expect(sessions.first()).toContainText('09:00 GMT-5');

  // The agenda, in the order it was added.
  await addAgendaItem(page, 'Opening', 'For information');
  await addAgendaItem(page, 'Work plan review', 'For decision', 'WG1');
  await addAgendaItem(page, 'Any other business', 'For information');
  await expect(agendaItems(page)).toHaveText([/^Opening/, /^Work plan review/, /^Any other business/]);
  await expect(
    page.getByRole('group', { name: 'Papers for Work plan review' }).getByRole('link', { name: 'Work plan of WG1' }),
  ).toBeVisible();
  await checkPage(page, 'meeting-draft-agenda-editor');

  // Keyboard only: Tab to "Move up: Any other business", Enter twice; the focus stays on the item.
  await tabTo(page, page.getByRole('button', { name: 'Move up: Any other business' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '“Any other business” is now item 2 of 3.' })).toBeVisible();
  await expect(agendaItems(page)).toHaveText([/^Opening/, /^Any other business/, /^Work plan review/]);
  await expect(page.getByRole('button', { name: 'Move up: Any other business' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '“Any other business” is now item 1 of 3.' })).toBeVisible();
  await expect(agendaItems(page)).toHaveText([/^Any other business/, /^Opening/, /^Work plan review/]);
  // At the top "Move up" is disabled: the focus moves to the same item's "Move down".
  await expect(page.getByRole('button', { name: 'Move up: Any other business' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Move down: Any other business' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '“Any other business” is now item 2 of 3.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Move down: Any other business' })).toBeFocused();
  await page.reload();
  await expect(agendaItems(page)).toHaveText([/^Opening/, /^Any other business/, /^Work plan review/]);

  // Someone else edits the meeting meanwhile: saving the stale form is a CONFLICT, said plainly, then reloaded.
  await page.getByRole('button', { name: 'Edit meeting' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit the meeting' });
  await expect(edit.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(title);
  await expect(edit.getByLabel('Start of session 1')).toHaveValue('09:00');
  const token = await login(page.request, 'vice.wg1@u4ssc.example');
  const { meeting } = await gql<{ meeting: { version: number } }>(
    page.request,
    `query ($id: ID!) { meeting(id: $id) { version } }`,
    { id: meetingId },
    token,
  );
  await gql(
    page.request,
    `mutation ($input: UpdateMeetingInput!) { updateMeeting(input: $input) { id } }`,
    { input: { id: meetingId, expectedVersion: meeting.version, venue: 'Room XIX, Palais des Nations' } },
    token,
  );
  await edit.getByRole('textbox', { name: 'Title', exact: true }).fill(`${title} (revised)`);
  await edit.getByRole('button', { name: 'Save the meeting' }).click();
  await expect(edit.getByRole('alert')).toContainText('This cannot be done now');
  await expect(edit.getByText('Someone else changed this meeting since you opened it.')).toBeVisible();
  await edit.getByRole('button', { name: 'Reload the meeting' }).click();
  await expect(edit.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(title);
  await expect(edit.getByRole('textbox', { name: 'Venue' })).toHaveValue('Room XIX, Palais des Nations');
  await edit.getByRole('textbox', { name: 'Title', exact: true }).fill(`${title} (revised)`);
  await edit.getByRole('button', { name: 'Save the meeting' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The meeting is saved.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: `${title} (revised)` })).toBeVisible();

  await page.getByRole('button', { name: 'Announce meeting' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The meeting is announced: the invitees are told.' })).toBeVisible();
  await expect(page.getByText('Announced', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start meeting' })).toBeVisible();
  await checkPage(page, 'meeting-announced-chair');
});

test('a chair runs a meeting: start, attendance, a numbered decision citing a ballot, an action in the work plan, close, minutes saved and approved', async ({
  page,
}) => {
  test.slow();
  const title = `WG3 working meeting ${uniqueSuffix()}`;
  const meeting = await announcedWg3Meeting(page.request, title);
  await signIn(page, 'chair.wg3@u4ssc.example');
  await page.goto(`/meetings/${meeting.id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Start meeting' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The meeting has started.' })).toBeVisible();
  await expect(page.getByText('In progress', { exact: true })).toBeVisible();

  // Attendance: one radiogroup per invitee.
  const attendance = page.getByRole('region', { name: 'Attendance' });
  await attendance.getByRole('radiogroup', { name: 'Attendance of Member 09' }).getByRole('radio', { name: 'Present' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Member 09 is recorded present.' })).toBeVisible();
  await attendance.getByRole('radiogroup', { name: 'Attendance of Member 10' }).getByRole('radio', { name: 'Absent' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Member 10 is recorded absent.' })).toBeVisible();
  await expect(attendance).toContainText('1 of 5 invitees recorded present.');
  await checkPage(page, 'meeting-in-progress-chair');

  // A decision at the work plan's item, citing the initiative's ballot: it gets the next number of this meeting.
  await page.getByRole('button', { name: 'Record a decision' }).click();
  const decision = page.getByRole('dialog', { name: 'Record a decision' });
  await decision.getByRole('textbox', { name: 'Decision' }).fill('The group adopts its work plan for the year.');
  await decision.getByRole('combobox', { name: 'At agenda item' }).selectOption({ label: '2. Progress of the work plan' });
  const ballot = decision.getByRole('combobox', { name: 'Cited ballot' });
  const ballotLabel = await ballot.locator('option', { hasText: 'Ballot on Terms of reference of U4SSC' }).first().textContent();
  await ballot.selectOption({ label: ballotLabel! });
  await checkPage(page, 'meeting-decision-dialog');
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  const number = `U4SSC-${meeting.number}/1`;
  await expect(page.getByRole('status').filter({ hasText: `Decision ${number} is recorded.` })).toBeVisible();
  const decisions = page.getByRole('list', { name: 'Decisions' }).getByRole('listitem');
  await expect(decisions).toHaveCount(1);
  await expect(decisions.first()).toContainText(`${number} The group adopts its work plan for the year.`);
  await expect(decisions.first().getByRole('link', { name: /^Ballot: / })).toBeVisible();

  // An action: a task of WG3's plan, owned and due.
  const task = `Circulate the revised plan ${uniqueSuffix()}`;
  await page.getByRole('button', { name: 'Record an action' }).click();
  const action = page.getByRole('dialog', { name: 'Record an action' });
  await action.getByRole('combobox', { name: 'At agenda item' }).selectOption({ label: '2. Progress of the work plan' });
  await expect(action.getByRole('combobox', { name: 'In work plan' })).toHaveValue(/.+/);
  await action.getByRole('textbox', { name: 'Task' }).fill(task);
  await action.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Member 09' });
  await action.getByLabel('Due date (Europe/Zurich)').fill('2027-03-01');
  await action.getByRole('button', { name: 'Record the action' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `The action “${task}” is recorded as a task of the work plan.` }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Actions recorded at Progress of the work plan' })).toContainText(
    `Action: ${task} (owner: Member 09)`,
  );

  await page.getByRole('button', { name: 'Close meeting' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The meeting is closed.' })).toBeVisible();
  await expect(page.getByText('Closed', { exact: true })).toBeVisible();

  // Minutes: Markdown with a live preview, saved, then approved (FINAL: the editor is gone).
  const minutes = page.getByRole('region', { name: 'Minutes', exact: true });
  await minutes.getByRole('textbox', { name: 'Minutes (Markdown)' }).fill(`# Minutes of ${title}\n\n- Decision ${number}\n`);
  await expect(
    minutes
      .getByRole('region', { name: 'Preview of the minutes' })
      .getByRole('heading', { level: 3, name: `Minutes of ${title}` }),
  ).toBeVisible();
  await expect(minutes.getByRole('button', { name: 'Approve minutes' })).toHaveCount(0);
  await minutes.getByRole('button', { name: 'Save minutes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The minutes are saved.' })).toBeVisible();
  await expect(minutes).toContainText('Draft, version 1.');
  await checkPage(page, 'meeting-closed-minutes-editor');
  await minutes.getByRole('button', { name: 'Approve minutes' }).click();
  const confirm = page.getByRole('dialog', { name: 'Approve the minutes' });
  await confirm.getByRole('button', { name: 'Approve the minutes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The minutes are approved and final.' })).toBeVisible();
  await expect(minutes.getByRole('heading', { level: 3, name: `Minutes of ${title}` })).toBeVisible();
  await expect(minutes.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Record a decision' })).toHaveCount(0);

  // The action is a work item of WG3's plan; the decision is in the initiative's register.
  await page.getByRole('link', { name: /^Meeting of WG3 / }).click();
  await expect(page.getByRole('row').filter({ hasText: task })).toContainText('Member 09');
  await page.goto('/i/u4ssc');
  await page.getByRole('link', { name: 'Decisions register' }).click();
  await expect(page).toHaveURL('/i/u4ssc/decisions');
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: number, exact: true }) });
  await expect(row).toContainText('The group adopts its work plan for the year.');
  await expect(row.getByRole('link', { name: title })).toBeVisible();
  await expect(row.getByRole('link', { name: /^Terms of reference of U4SSC: / })).toBeVisible();
});

test('an observer reads meetings and the decisions register with no edit buttons', async ({ page }) => {
  await signIn(page, 'observer@u4ssc.example');
  await page.goto('/i/u4ssc');
  await expect(page.getByRole('region', { name: 'Meetings', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Schedule a meeting' })).toHaveCount(0);
  await page.getByRole('region', { name: 'Meetings', exact: true }).getByRole('link', { name: 'First meeting of U4SSC' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'First meeting of U4SSC' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Agenda' }).locator(':scope > li')).toHaveCount(8);
  await expect(
    page.getByRole('region', { name: 'Minutes', exact: true }).getByRole('heading', { level: 3 }).first(),
  ).toBeVisible();
  // Read-only: the page's only buttons are the shell's (account menu).
  for (const name of [
    /Move (up|down)/,
    /^Edit/,
    /^Remove/,
    'Add an agenda item',
    'Record a decision',
    'Record an action',
    /meeting$/,
    /minutes$/,
  ]) {
    await expect(page.getByRole('main').getByRole('button', { name })).toHaveCount(0);
  }
  await expect(page.getByRole('radiogroup')).toHaveCount(0);

  await page.goto('/i/u4ssc');
  await page.getByRole('link', { name: 'Decisions register' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Decisions register' })).toBeVisible();
  await expect(page.getByText('Times are shown in Europe/Zurich.')).toBeVisible();
  for (const column of ['Number', 'Decision', 'Meeting', 'Recorded', 'Cited ballot']) {
    await expect(page.getByRole('columnheader', { name: column })).toBeVisible();
  }
  for (let n = 1; n <= 4; n++) {
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `U4SSC-1/${n}`, exact: true }) });
    await expect(row.getByRole('link', { name: 'First meeting of U4SSC' })).toBeVisible();
    await expect(row.locator('time[title="Europe/Zurich"]')).toHaveCount(1);
  }
  await checkPage(page, 'decisions-register');
});
