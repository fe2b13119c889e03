import { Injectable } from '@nestjs/common';
import { PeopleReader } from '@app/identity';
import { AppConfig, type Invitation, type OutboxEvent, type Queryable, TOPICS } from '@app/platform';
import type { InvitationDetails, InvitationEventDetails } from '../calendar/invitation-ical';
import { DeadlineSources, type SubjectRef } from '../deadlines/deadline-sources';
import { notificationDetailsOf, renderNotification } from '../delivery/notification-text';
import type { NewNotification } from '../planning/firing';
import type { InvitationKind } from '../planning/reminder-plan';
import { RecipientsRepository } from '../recipients/recipients.repository';
import { NotificationsRepository } from './notifications.repository';

/** Statuses in which the invitees hold the invitation in their calendars. */
const HELD = new Set<Invitation['status']>(['ANNOUNCED', 'IN_PROGRESS']);

/**
 * The kind of invitation notice an outbox event of a meeting calls for, given the meeting's
 * current state (read when the event is drained, so two changes drained together tell the same,
 * latest, invitation): announced (unless cancelled or over since); updated while the invitees held
 * it (updates of a DRAFT tell nobody); cancelled when it had been announced.
 */
export function noticeKind(event: Pick<OutboxEvent, 'topic' | 'payload'>, now: Invitation): InvitationKind | null {
  switch (event.topic) {
    case TOPICS.meetingAnnounced:
      return HELD.has(now.status) ? 'MEETING_ANNOUNCED' : null;
    case TOPICS.meetingUpdated:
      return HELD.has(event.payload.status as Invitation['status']) && HELD.has(now.status) ? 'MEETING_UPDATED' : null;
    case TOPICS.meetingCancelled:
      return event.payload.from === 'ANNOUNCED' && now.status === 'CANCELLED' ? 'MEETING_CANCELLED' : null;
    default:
      return null;
  }
}

/** The topics that may call for an invitation notice. */
export const INVITATION_TOPICS = new Set<string>([TOPICS.meetingAnnounced, TOPICS.meetingUpdated, TOPICS.meetingCancelled]);

/**
 * MEETING_ANNOUNCED, MEETING_UPDATED and MEETING_CANCELLED, recorded inside the outbox drain's
 * transaction from the meetings' outbox rows: one notification per invitee and invitation
 * revision (the notification_once key holds the revision, iCalendar's SEQUENCE, in `lead_ms`, so
 * a redelivered event adds nothing), with the invitation stored in its details; the e-mails (and
 * their .ics attachment) follow each person's e-mail mode like every notification. The meeting
 * is read through its DeadlineSource, never its tables.
 */
@Injectable()
export class MeetingInvitationNotices {
  constructor(
    private readonly config: AppConfig,
    private readonly sources: DeadlineSources,
    private readonly people: PeopleReader,
    private readonly recipients: RecipientsRepository,
    private readonly notifications: NotificationsRepository,
  ) {}

  /** Records the notices of the events; returns the ids of the new notifications to e-mail now (IMMEDIATE recipients). */
  async record(events: OutboxEvent[], m: Queryable): Promise<string[]> {
    const relevant = events.filter((e) => INVITATION_TOPICS.has(e.topic));
    // A process without meetings' source (a module tested alone) leaves the events to the planner, which ignores them.
    if (!relevant.length || !this.sources.has('MEETING')) return [];
    const refs: SubjectRef[] = [...new Set(relevant.map((e) => e.subjectId))].map((id) => ({ type: 'MEETING', id }));
    const invitations = await this.sources.invitations(m, refs);
    const notices = relevant.flatMap((e) => {
      const invitation = invitations.get(e.subjectId);
      const kind = invitation && invitation.events.length ? noticeKind(e, invitation) : null;
      return kind && invitation ? [{ kind, invitation }] : [];
    });
    if (!notices.length) return [];
    const details = await this.sources.details(
      m,
      refs.filter((r) => notices.some((n) => n.invitation.id === r.id)),
    );
    const updated = notices.filter((n) => n.kind === 'MEETING_UPDATED').map((n) => n.invitation.id);
    const sent = updated.length ? await this.notifications.lastInvitationEvents(updated, m) : new Map();
    const recipientIds = [...new Set(notices.flatMap((n) => n.invitation.inviteeIds))];
    const people = recipientIds.length ? await this.people.byIds(recipientIds, m) : [];
    const zones = new Map(people.map((p) => [p.id, p.timeZone]));
    const rows: NewNotification[] = [];
    for (const { kind, invitation } of notices) {
      const subject = details.get(invitation.id);
      if (!subject) continue;
      const stored = {
        ...notificationDetailsOf(subject, this.config.publicUrl),
        deadline: invitation.events[0].startsAt.toISOString(),
        invitation: invitationDetails(kind, invitation, kind === 'MEETING_UPDATED' ? (sent.get(invitation.id) ?? []) : []),
      };
      for (const personId of invitation.inviteeIds) {
        const timeZone = zones.get(personId);
        if (timeZone === undefined) continue;
        const text = renderNotification(kind, stored, timeZone);
        rows.push({
          personId,
          kind,
          subjectId: invitation.id,
          initiativeId: invitation.initiativeId,
          title: text.title,
          body: text.body,
          details: stored,
          dueAt: null,
          leadMs: invitation.sequence,
        });
      }
    }
    if (!rows.length) return [];
    const created = await this.notifications.insertReminders(rows, m);
    if (!created.length) return [];
    const immediate = new Set(
      (await this.recipients.recipients([...new Set(created.map((c) => c.personId))], m))
        .filter((r) => r.emailMode === 'IMMEDIATE')
        .map((r) => r.id),
    );
    return created.filter((c) => immediate.has(c.personId)).map((c) => c.id);
  }
}

/** The invitation as a notice stores it; `before`: the events of the last invitation sent (those now gone are dropped). */
function invitationDetails(kind: InvitationKind, invitation: Invitation, before: InvitationEventDetails[]): InvitationDetails {
  const kept = new Set(invitation.events.map((e) => e.uid));
  return {
    dropped: before.filter((e) => !kept.has(e.uid)),
    method: kind === 'MEETING_CANCELLED' ? 'CANCEL' : 'REQUEST',
    sequence: invitation.sequence,
    timeZone: invitation.timeZone,
    location: invitation.location,
    description: invitation.description,
    cancellationReason: invitation.cancellationReason,
    events: invitation.events.map((e) => ({
      uid: e.uid,
      startsAt: e.startsAt.toISOString(),
      endsAt: e.endsAt.toISOString(),
      title: e.title,
    })),
  };
}
