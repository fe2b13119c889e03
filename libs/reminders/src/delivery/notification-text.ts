import type { DeadlineDetails } from '@app/platform';
import type { InvitationDetails } from '../calendar/invitation-ical';
import type { NotificationKind } from '../planning/reminder-plan';
import { formatDeadline, formatInZone, formatUtc } from './time-format';

/** What a notification is about, stored with it (notification.details) so texts can be rebuilt. */
export interface NotificationDetails {
  initiativeName: string;
  groupName?: string | null;
  /** Work item title or terms-of-reference title. */
  subjectTitle: string;
  /** ISO instant of the deadline (due date or closing time). */
  deadline?: string | null;
  leadMs?: number | null;
  outcome?: string | null;
  link: string;
  /** MEETING_ANNOUNCED, MEETING_UPDATED, MEETING_CANCELLED: the invitation, attached to the e-mail as .ics. */
  invitation?: InvitationDetails;
}

/** Whether a kind is about a meeting (its deadline is a start, not a due date). */
const isMeetingKind = (kind: NotificationKind) => kind.startsWith('MEETING_') || kind === 'MINUTES_MISSING';

const sessionsText = (d: NotificationDetails) => {
  const n = d.invitation?.events.length ?? 1;
  return n === 1 ? 'one session' : `${n} sessions`;
};

/** The details a notification stores about its subject, from the subject's DeadlineDetails. */
export function notificationDetailsOf(subject: DeadlineDetails, publicUrl: string): NotificationDetails {
  const { path, deadline, ...names } = subject;
  return { ...names, deadline: deadline?.toISOString() ?? null, link: `${publicUrl}/${path}` };
}

export interface RenderedText {
  title: string;
  body: string;
}

function leadText(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  for (const [size, name] of units) {
    if (ms >= size && ms % size === 0) return `${ms / size} ${name}${ms / size === 1 ? '' : 's'}`;
  }
  return `${Math.round(ms / 1000)} seconds`;
}

/** Title and plain-text body of a notification, with the deadline in the recipient's zone and UTC. */
export function renderNotification(kind: NotificationKind, d: NotificationDetails, timeZone: string): RenderedText {
  const where = d.groupName ? `${d.initiativeName} / ${d.groupName}` : d.initiativeName;
  const deadline = d.deadline ? formatDeadline(new Date(d.deadline), timeZone) : '';
  switch (kind) {
    case 'WORK_ITEM_DUE':
      return {
        title: `Due in ${leadText(d.leadMs ?? 0)}: ${d.subjectTitle}`,
        body: `"${d.subjectTitle}" (${where}) is due ${deadline}.`,
      };
    case 'WORK_ITEM_OVERDUE':
      return { title: `Overdue: ${d.subjectTitle}`, body: `"${d.subjectTitle}" (${where}) was due ${deadline} and is not done.` };
    case 'BALLOT_OPENED':
      return {
        title: `Ballot opened: ${d.subjectTitle}`,
        body: `A ballot on "${d.subjectTitle}" (${where}) is open until ${deadline}.`,
      };
    case 'BALLOT_CLOSING':
      return {
        title: `Ballot closing in ${leadText(d.leadMs ?? 0)}: ${d.subjectTitle}`,
        body: `The ballot on "${d.subjectTitle}" (${where}) closes ${deadline}. You have not voted yet.`,
      };
    case 'BALLOT_CLOSED':
      return {
        title: `Ballot closed: ${d.subjectTitle} (${d.outcome ?? 'no outcome'})`,
        body: `The ballot on "${d.subjectTitle}" (${where}) closed ${deadline}. Outcome: ${d.outcome ?? 'none'}.`,
      };
    case 'INVITATION':
      return { title: `Invitation to ${d.initiativeName}`, body: `You have been registered in ${d.initiativeName}.` };
    case 'MEETING_ANNOUNCED':
      return {
        title: `Meeting announced: ${d.subjectTitle}`,
        body: `You are invited to "${d.subjectTitle}" (${where}): ${sessionsText(d)}, starting ${deadline}.`,
      };
    case 'MEETING_UPDATED':
      return {
        title: `Meeting updated: ${d.subjectTitle}`,
        body: `"${d.subjectTitle}" (${where}) has changed: ${sessionsText(d)}, starting ${deadline}.`,
      };
    case 'MEETING_CANCELLED': {
      const reason = d.invitation?.cancellationReason;
      return {
        title: `Meeting cancelled: ${d.subjectTitle}`,
        body: `"${d.subjectTitle}" (${where}), planned ${deadline}, is cancelled.${reason ? ` Reason: ${reason}` : ''}`,
      };
    }
    case 'MEETING_UPCOMING':
      return {
        title: `Meeting in ${leadText(d.leadMs ?? 0)}: ${d.subjectTitle}`,
        body: `"${d.subjectTitle}" (${where}) starts ${deadline}.`,
      };
    case 'MINUTES_MISSING':
      return {
        title: `Minutes missing: ${d.subjectTitle}`,
        body: `The minutes of "${d.subjectTitle}" (${where}), which closed ${deadline}, are not final yet.`,
      };
  }
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface EmailItem {
  kind: NotificationKind;
  details: NotificationDetails;
}

function facts(kind: NotificationKind, d: NotificationDetails, timeZone: string): [string, string][] {
  const rows: [string, string][] = [['Initiative', d.initiativeName]];
  if (d.groupName) rows.push(['Working group', d.groupName]);
  rows.push([isMeetingKind(kind) ? 'Meeting' : 'About', d.subjectTitle]);
  if (d.invitation) {
    // Each session in the reader's zone, and in the meeting's when it differs.
    const zone = d.invitation.timeZone;
    d.invitation.events.forEach((e, i) => {
      const at = new Date(e.startsAt);
      const theirs = zone === timeZone ? '' : ` / ${formatInZone(at, zone)}`;
      rows.push([
        `Session ${i + 1}`,
        `${formatInZone(at, timeZone)}${theirs}, until ${formatInZone(new Date(e.endsAt), timeZone)}`,
      ]);
    });
    if (d.invitation.location) rows.push(['Where', d.invitation.location]);
  } else if (d.deadline) {
    const at = new Date(d.deadline);
    const label = kind === 'MINUTES_MISSING' ? 'Closed' : isMeetingKind(kind) ? 'Starts' : 'Deadline';
    rows.push([`${label} (your time)`, formatInZone(at, timeZone)], [`${label} (UTC)`, formatUtc(at)]);
  }
  if (d.outcome) rows.push(['Outcome', d.outcome]);
  return rows;
}

/** One notification as an e-mail: plain text and HTML, times in the recipient's zone and UTC. */
export function renderEmail(item: EmailItem, recipientName: string, timeZone: string): RenderedEmail {
  const { title, body } = renderNotification(item.kind, item.details, timeZone);
  const rows = facts(item.kind, item.details, timeZone);
  const text = [
    `Hello ${recipientName},`,
    '',
    body,
    '',
    ...rows.map(([k, v]) => `${k}: ${v}`),
    '',
    `Open: ${item.details.link}`,
    '',
  ].join('\n');
  const html =
    `<p>Hello ${escapeHtml(recipientName)},</p><p>${escapeHtml(body)}</p><table>` +
    rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('') +
    `</table><p><a href="${escapeHtml(item.details.link)}">Open</a></p>`;
  return { subject: title, text, html };
}

/** A daily digest of several notifications (never called with none). */
export function renderDigest(items: EmailItem[], recipientName: string, timeZone: string, localDate: string): RenderedEmail {
  const rendered = items.map((i) => ({ ...renderNotification(i.kind, i.details, timeZone), link: i.details.link }));
  const text = [
    `Hello ${recipientName},`,
    '',
    `Your notifications of ${localDate} (times in ${timeZone} and UTC):`,
    '',
    ...rendered.flatMap((r) => [`- ${r.title}`, `  ${r.body}`, `  ${r.link}`]),
    '',
  ].join('\n');
  const html =
    `<p>Hello ${escapeHtml(recipientName)},</p><p>Your notifications of ${escapeHtml(localDate)}:</p><ul>` +
    rendered
      .map(
        (r) =>
          `<li><strong>${escapeHtml(r.title)}</strong><br>${escapeHtml(r.body)}<br><a href="${escapeHtml(r.link)}">Open</a></li>`,
      )
      .join('') +
    '</ul>';
  return { subject: `Daily digest: ${items.length} notification${items.length === 1 ? '' : 's'} (${localDate})`, text, html };
}
