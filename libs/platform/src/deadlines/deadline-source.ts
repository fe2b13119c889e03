import { DiscoveryService } from '@nestjs/core';
import type { Queryable } from '../database/sql';
import type { OutboxTopic } from '../events/outbox-topics';

/**
 * The deadline-source interface: how reminders read the subjects that carry deadlines (work items,
 * ballots) without naming another domain's tables or statuses. Each domain that owns such subjects
 * implements `DeadlineSource` in its own library, decorates the class with `@ProvidesDeadlines()` and
 * lists it in its Nest module; reminders discovers every source in the process (Nest's
 * DiscoveryService, by this decorator's metadata key: a multi-provider token) and reads only
 * through them. Every method takes the `Queryable` to run on (the caller's transaction) and
 * answers for a whole batch of ids in a fixed, small number of statements.
 */

/** The kinds of subject that carry deadlines. */
export type DeadlineSubjectType = 'WORK_ITEM' | 'BALLOT' | 'MEETING';

/** A work item's state, as reminders plan from it. */
export interface WorkItemDeadline {
  type: 'WORK_ITEM';
  id: string;
  initiativeId: string;
  ownerId: string | null;
  dueAt: Date | null;
  /** False once the item is finished (done or cancelled): it gets no more reminders. */
  open: boolean;
}

/** A ballot's state, as reminders plan from it. */
export interface BallotDeadline {
  type: 'BALLOT';
  id: string;
  initiativeId: string;
  state: 'OPEN' | 'CLOSED' | 'CANCELLED';
  opensAt: Date;
  closesAt: Date;
  /** When the outcome was persisted (state CLOSED). */
  closedAt: Date | null;
}

/** A meeting's state, as reminders plan from it (MEETING_UPCOMING, MINUTES_MISSING). */
export interface MeetingDeadline {
  type: 'MEETING';
  id: string;
  initiativeId: string;
  status: 'DRAFT' | 'ANNOUNCED' | 'IN_PROGRESS' | 'CLOSED' | 'CANCELLED';
  /** The first session's start. */
  startsAt: Date;
  /** When it closed (status CLOSED). */
  closedAt: Date | null;
  /** Whether its minutes are FINAL. */
  minutesFinal: boolean;
}

export type DeadlineSubject = WorkItemDeadline | BallotDeadline | MeetingDeadline;

/** Who may receive a subject's reminders now (work items: owner and chairs; ballots: electorate and voters). */
export interface RecipientFacts {
  /** The item's owner, if any. */
  ownerId?: string | null;
  /** Whether the owner still belongs to the item's working group (not as an observer). */
  ownerInGroup?: boolean;
  /** CHAIR and VICE_CHAIR of the item's working group. */
  chairIds?: string[];
  /** The ballot's electorate. */
  electorIds?: string[];
  /** Electors with a current vote. */
  voterIds?: string[];
  /** A meeting's invitees. */
  inviteeIds?: string[];
  /** Who answers for a meeting's minutes: its group's CHAIR and VICE_CHAIR, the SECRETARIAT for a plenary. */
  minutesOwnerIds?: string[];
}

/** What a notification says about its subject. */
export interface DeadlineDetails {
  initiativeName: string;
  /** "<code> <name>" of the working group, if the subject belongs to one. */
  groupName?: string | null;
  /** The work item's title, or the terms of reference's title. */
  subjectTitle: string;
  deadline: Date | null;
  /** A ballot's outcome, once closed (absent for work items). */
  outcome?: string | null;
  /** The subject's page in the web client, relative to PUBLIC_URL (e.g. `ballots/<id>`). */
  path: string;
}

/** One deadline of a person's calendar feed. */
export interface CalendarDeadline {
  id: string;
  at: Date;
  title: string;
  /** Where it belongs: "<initiative>" or "<initiative> / <code> <name>". */
  where: string;
  /** As `DeadlineDetails.path`. */
  path: string;
  /** The event's UID when the source gives it one (a meeting session: the UID of its invitation's event). */
  uid?: string;
  /** The end of an event that lasts (a meeting session); a point in time otherwise. */
  endsAt?: Date;
  /** A place (a meeting's venue or link). */
  location?: string | null;
  /** Shown as STATUS:CANCELLED (a cancelled meeting's sessions). */
  cancelled?: boolean;
}

/** One event of an invitation: a meeting session, in the meeting's zone. */
export interface InvitationEvent {
  /** Stable across updates of the meeting: calendar applications replace the event they imported. */
  uid: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
}

/**
 * What an invitation says about a subject (a meeting): the calendar events its invitees receive,
 * with its revision (iCalendar SEQUENCE), for MEETING_ANNOUNCED, MEETING_UPDATED and
 * MEETING_CANCELLED and their iCalendar attachments.
 */
export interface Invitation {
  id: string;
  initiativeId: string;
  status: MeetingDeadline['status'];
  /** The revision the invitees hold: 0 when announced, + 1 for each update or cancellation. */
  sequence: number;
  /** The meeting's IANA time zone: the events are written in it, with its VTIMEZONE. */
  timeZone: string;
  location: string | null;
  description: string | null;
  /** The sessions, by start; ordinal UIDs, so a session keeps its UID when its times change. */
  events: InvitationEvent[];
  inviteeIds: string[];
  cancellationReason: string | null;
}

/** A page of open subjects, in (deadline, id) order. */
export interface DeadlinePage {
  /** Only subjects whose deadline is after this instant. */
  deadlineAfter: Date;
  /** The last subject of the previous page; null for the first page. */
  after: { deadline: Date; id: string } | null;
  limit: number;
}

export interface DeadlineSource<S extends DeadlineSubject = DeadlineSubject> {
  readonly type: S['type'];
  /** The outbox topics whose subject is one of these subjects: each one means "its state changed". */
  readonly topics: readonly OutboxTopic[];
  /** Current state by id; a subject that no longer exists is absent. */
  subjects(db: Queryable, ids: string[]): Promise<Map<string, S>>;
  /** Who may receive reminders now, by id. */
  recipients(db: Queryable, ids: string[]): Promise<Map<string, RecipientFacts>>;
  /** Names and deadline, by id; a subject that no longer exists is absent. */
  details(db: Queryable, ids: string[]): Promise<Map<string, DeadlineDetails>>;
  /** The initiative's subjects that may need reminders (open, with a deadline). */
  openOfInitiative(db: Queryable, initiativeId: string): Promise<string[]>;
  /** A page of the open subjects with a deadline, by (deadline, id). */
  openPage(db: Queryable, page: DeadlinePage): Promise<{ id: string; deadline: Date }[]>;
  /** The person's deadlines: items they own or whose group they chair, ballots they may vote in. */
  calendarOf(db: Queryable, personId: string): Promise<CalendarDeadline[]>;
  /** The invitations of subjects that have invitees (meetings), by id; absent for other sources. */
  invitations?(db: Queryable, ids: string[]): Promise<Map<string, Invitation>>;
}

/** Marks a provider as a `DeadlineSource`; reminders find it by this decorator's metadata key. */
export const ProvidesDeadlines = DiscoveryService.createDecorator<void>();
