import type { DeadlineDetails } from '@app/platform';
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
  /** Discussions (issue 16): what happened, and to which document (a digest shows one line per document and kind). */
  discussion?: DiscussionDetails | null;
}

/** What a discussion notification is about. */
export interface DiscussionDetails {
  event: 'proposed' | 'accepted' | 'rejected' | 'withdrawn' | 'reply' | 'superseded';
  documentId: string;
  paragraph: number | null;
  versionNumber: number | null;
  resolution: string | null;
}

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
    case 'AMENDMENT_PROPOSED':
    case 'AMENDMENT_RESOLVED':
    case 'COMMENT_REPLY':
      return bilingual(discussionText(d, where, 'en'), discussionText(d, where, 'fr'));
  }
}

/** English first, then French: people have no language preference yet, and both are read. */
function bilingual(en: RenderedText, fr: RenderedText): RenderedText {
  return { title: `${en.title} / ${fr.title}`, body: `${en.body}\n${fr.body}` };
}

const inParagraph = (p: number | null, lang: 'en' | 'fr') =>
  p === null ? '' : lang === 'en' ? ` (paragraph ${p})` : ` (paragraphe ${p})`;

/** The text of a discussion notification in one language. */
export function discussionText(d: NotificationDetails, where: string, lang: 'en' | 'fr'): RenderedText {
  const x = d.discussion;
  const doc = `"${d.subjectTitle}"`;
  const p = inParagraph(x?.paragraph ?? null, lang);
  const v = x?.versionNumber ?? '?';
  const because = x?.resolution ? (lang === 'en' ? ` Reason: ${x.resolution}` : ` Motif : ${x.resolution}`) : '';
  const en = lang === 'en';
  switch (x?.event) {
    case 'proposed':
      return en
        ? { title: `Amendment proposed: ${d.subjectTitle}`, body: `An amendment to ${doc}${p} (${where}) awaits your review.` }
        : { title: `Amendement proposé : ${d.subjectTitle}`, body: `Un amendement à ${doc}${p} (${where}) attend votre examen.` };
    case 'accepted':
      return en
        ? {
            title: `Amendment accepted: ${d.subjectTitle}`,
            body: `Your amendment to ${doc}${p} (${where}) was accepted into version ${v}.${because}`,
          }
        : {
            title: `Amendement accepté : ${d.subjectTitle}`,
            body: `Votre amendement à ${doc}${p} (${where}) a été intégré à la version ${v}.${because}`,
          };
    case 'rejected':
      return en
        ? {
            title: `Amendment rejected: ${d.subjectTitle}`,
            body: `Your amendment to ${doc}${p} (${where}) was rejected.${because}`,
          }
        : {
            title: `Amendement rejeté : ${d.subjectTitle}`,
            body: `Votre amendement à ${doc}${p} (${where}) a été rejeté.${because}`,
          };
    case 'reply':
      return en
        ? { title: `Reply to your comment: ${d.subjectTitle}`, body: `Someone replied to your comment on ${doc}${p} (${where}).` }
        : {
            title: `Réponse à votre commentaire : ${d.subjectTitle}`,
            body: `Quelqu'un a répondu à votre commentaire sur ${doc}${p} (${where}).`,
          };
    default:
      return en
        ? {
            title: `New version of ${d.subjectTitle}`,
            body: `Version ${v} of ${doc} (${where}) supersedes the version you commented on or amended.`,
          }
        : {
            title: `Nouvelle version de ${d.subjectTitle}`,
            body: `La version ${v} de ${doc} (${where}) remplace celle que vous avez commentée ou amendée.`,
          };
  }
}

/**
 * The lines of a digest: discussion notifications about the same document and of the same kind
 * become one line (a busy document is one line a day, not a flood); the others one line each.
 */
export function digestLines(items: EmailItem[], timeZone: string): (RenderedText & { link: string })[] {
  const lines: (RenderedText & { link: string })[] = [];
  const grouped = new Map<string, { first: EmailItem; count: number; line: number }>();
  for (const item of items) {
    const documentId = item.details.discussion?.documentId;
    const key = documentId ? `${item.kind} ${documentId}` : null;
    const seen = key ? grouped.get(key) : undefined;
    if (key && seen) {
      seen.count += 1;
      lines[seen.line] = { ...groupedText(seen.first, seen.count), link: seen.first.details.link };
      continue;
    }
    if (key) grouped.set(key, { first: item, count: 1, line: lines.length });
    lines.push({ ...renderNotification(item.kind, item.details, timeZone), link: item.details.link });
  }
  return lines;
}

/** One digest line for several discussion notifications about one document. */
function groupedText(item: EmailItem, count: number): RenderedText {
  const d = item.details;
  const where = d.groupName ? `${d.initiativeName} / ${d.groupName}` : d.initiativeName;
  const what: Record<string, [string, string]> = {
    AMENDMENT_PROPOSED: [`${count} amendments proposed`, `${count} amendements proposés`],
    AMENDMENT_RESOLVED: [`${count} updates on your amendments`, `${count} nouvelles de vos amendements`],
    COMMENT_REPLY: [`${count} updates on your comments`, `${count} nouvelles de vos commentaires`],
  };
  const [en, fr] = what[item.kind] ?? [`${count} notifications`, `${count} notifications`];
  return bilingual(
    { title: `${en}: ${d.subjectTitle}`, body: `${en} on "${d.subjectTitle}" (${where}).` },
    { title: `${fr} : ${d.subjectTitle}`, body: `${fr} sur « ${d.subjectTitle} » (${where}).` },
  );
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

function facts(d: NotificationDetails, timeZone: string): [string, string][] {
  const rows: [string, string][] = [['Initiative', d.initiativeName]];
  if (d.groupName) rows.push(['Working group', d.groupName]);
  rows.push(['About', d.subjectTitle]);
  if (d.deadline) {
    const at = new Date(d.deadline);
    rows.push(['Deadline (your time)', formatInZone(at, timeZone)], ['Deadline (UTC)', formatUtc(at)]);
  }
  if (d.outcome) rows.push(['Outcome', d.outcome]);
  return rows;
}

/** One notification as an e-mail: plain text and HTML, times in the recipient's zone and UTC. */
export function renderEmail(item: EmailItem, recipientName: string, timeZone: string): RenderedEmail {
  const { title, body } = renderNotification(item.kind, item.details, timeZone);
  const rows = facts(item.details, timeZone);
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
  const rendered = digestLines(items, timeZone);
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
  return {
    subject: `Daily digest: ${rendered.length} notification${rendered.length === 1 ? '' : 's'} (${localDate})`,
    text,
    html,
  };
}
