import { escapeText, foldLine, icalDateTime } from './ical';
import { vtimezone, wallTime } from './vtimezone';

/**
 * A meeting's invitation as an iCalendar object (RFC 5545, iTIP RFC 5546): METHOD:REQUEST when it
 * is announced or updated, METHOD:CANCEL when it is cancelled; one VEVENT per session with the
 * session's stable UID and the invitation's SEQUENCE (so a calendar replaces what it imported),
 * times in the meeting's zone with that zone's VTIMEZONE, the platform as ORGANIZER and the
 * recipient as the one ATTENDEE (answers go through the meeting page: RSVP=FALSE).
 */

/** What a calendar notification stores about its invitation (notification.details.invitation). */
export interface InvitationDetails {
  method: 'REQUEST' | 'CANCEL';
  sequence: number;
  timeZone: string;
  location: string | null;
  description: string | null;
  events: InvitationEventDetails[];
  cancellationReason?: string | null;
  /** Events the invitees were sent before and the meeting no longer has (sessions removed): cancelled in a file of their own. */
  dropped?: InvitationEventDetails[];
}

export interface InvitationEventDetails {
  uid: string;
  startsAt: string;
  endsAt: string;
  title: string;
}

export interface Mailbox {
  name: string;
  email: string;
}

/** Quoted parameter value (3.2): no double quote, no control character. */
const param = (value: string) => `"${value.replace(/["\p{Cc}]/gu, '')}"`;

export function renderInvitation(
  invitation: InvitationDetails,
  meta: { url: string; organizer: Mailbox; attendee: Mailbox; now?: Date },
): string {
  const now = meta.now ?? new Date();
  const starts = invitation.events.map((e) => new Date(e.startsAt));
  const ends = invitation.events.map((e) => new Date(e.endsAt));
  const first = new Date(Math.min(...starts.map((d) => d.getTime())));
  const last = new Date(Math.max(...ends.map((d) => d.getTime())));
  const cancel = invitation.method === 'CANCEL';
  const zone = invitation.timeZone;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//wgcollab//meetings//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${invitation.method}`,
    ...vtimezone(zone, first, last),
  ];
  const description = [
    invitation.description,
    cancel && invitation.cancellationReason ? `Cancelled: ${invitation.cancellationReason}` : null,
    meta.url,
  ]
    .filter((part): part is string => !!part)
    .join('\n\n');
  for (const event of invitation.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `SEQUENCE:${invitation.sequence}`,
      `DTSTAMP:${icalDateTime(now)}`,
      `DTSTART;TZID=${zone}:${wallTime(zone, new Date(event.startsAt))}`,
      `DTEND;TZID=${zone}:${wallTime(zone, new Date(event.endsAt))}`,
      `SUMMARY:${escapeText(event.title)}`,
      `STATUS:${cancel ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:OPAQUE',
      `ORGANIZER;CN=${param(meta.organizer.name || meta.organizer.email)}:mailto:${meta.organizer.email}`,
      `ATTENDEE;CN=${param(meta.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${meta.attendee.email}`,
    );
    if (invitation.location) lines.push(`LOCATION:${escapeText(invitation.location)}`);
    if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
    lines.push(`URL:${meta.url}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
