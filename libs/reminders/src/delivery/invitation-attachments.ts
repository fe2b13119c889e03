import type { MailAttachment } from '@app/platform';
import { type Mailbox, renderInvitation } from '../calendar/invitation-ical';
import type { EmailItem } from './notification-text';

/** The platform's sender as the invitations' ORGANIZER ("Name <address>" or a bare address). */
export function organizerOf(mailFrom: string): Mailbox {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailFrom);
  return match ? { name: match[1].trim(), email: match[2].trim() } : { name: '', email: mailFrom.trim() };
}

/**
 * The .ics attachments of an e-mail's items: one per meeting, its latest revision (a digest may
 * list an announcement and its update: the calendar needs only the last), as
 * `text/calendar; method=...` files named after the meeting's position in the e-mail.
 */
export function invitationAttachments(
  items: EmailItem[],
  mailFrom: string,
  recipient: { name: string; email: string },
): MailAttachment[] {
  const latest = new Map<string, EmailItem>();
  for (const item of items) {
    const invitation = item.details.invitation;
    if (!invitation?.events.length) continue;
    const key = item.details.link;
    const held = latest.get(key)?.details.invitation;
    if (!held || invitation.sequence > held.sequence || (invitation.sequence === held.sequence && invitation.method === 'CANCEL'))
      latest.set(key, item);
  }
  const organizer = organizerOf(mailFrom);
  return [...latest.values()].flatMap((item, i) => {
    const invitation = item.details.invitation!;
    const meta = { url: item.details.link, organizer, attendee: recipient };
    const suffix = latest.size === 1 ? '' : `-${i + 1}`;
    const files: MailAttachment[] = [
      {
        filename: `invitation${suffix}.ics`,
        contentType: `text/calendar; charset=utf-8; method=${invitation.method}`,
        content: renderInvitation(invitation, meta),
      },
    ];
    // Sessions removed by an update: their events are cancelled (one METHOD per iCalendar object).
    if (invitation.method === 'REQUEST' && invitation.dropped?.length)
      files.push({
        filename: `cancelled${suffix}.ics`,
        contentType: 'text/calendar; charset=utf-8; method=CANCEL',
        content: renderInvitation({ ...invitation, method: 'CANCEL', events: invitation.dropped, dropped: [] }, meta),
      });
    return files;
  });
}
