/**
 * Every topic a domain may write to the outbox (`writeOutbox`), in one typed list: the worker
 * dispatches on these names and nothing else. Spelling: lower-case words joined by dots, the
 * first without underscores (the outbox's CHECK constraint, `^[a-z]+(\.[a-z_]+)+$`), hence
 * `workitem`. The subject id is the row the topic names (a ballot, a work item, an initiative).
 */
export const TOPICS = {
  /** A ballot opened. Payload: termsOfReferenceId, initiativeId, workingGroupId, closesAt, electorateSize. */
  ballotOpened: 'ballot.opened',
  /** A ballot's outcome was persisted (by time or closeBallot). Payload: outcome, tally, chainHead, early. */
  ballotClosed: 'ballot.closed',
  /** closesAt moved (closeBallot). Payload: reason. */
  ballotClosingTimeChanged: 'ballot.closing_time_changed',
  /** cancelBallot. Payload: termsOfReferenceId, reason. */
  ballotCancelled: 'ballot.cancelled',
  /** A work item was added. Payload: workPlanId, workingGroupId, title, kind, dueAt, ownerId, status. */
  workItemCreated: 'workitem.created',
  /** A work item changed. Payload as created, plus `changed` and `previous`. */
  workItemChanged: 'workitem.changed',
  /** A work item was removed. Payload as created. */
  workItemRemoved: 'workitem.removed',
  /** setReminderPolicy; the subject is the initiative. */
  reminderPolicyChanged: 'reminders.policy_changed',
  /** An invitation was issued (registration); the subject is the invitation. Payload: personId, initiativeId. */
  invitationCreated: 'invitation.created',
  /** scheduleMeeting (DRAFT); the subject is the meeting. Payload: initiativeId, workingGroupId, version. */
  meetingScheduled: 'meeting.scheduled',
  /** announceMeeting: DRAFT -> ANNOUNCED. Payload as scheduled, plus startsAt. */
  meetingAnnounced: 'meeting.announced',
  /** updateMeeting (details or sessions) of a meeting in any state. Payload as scheduled, plus status. */
  meetingUpdated: 'meeting.updated',
  /** startMeeting: ANNOUNCED -> IN_PROGRESS. Payload as scheduled. */
  meetingStarted: 'meeting.started',
  /** closeMeeting: IN_PROGRESS -> CLOSED. Payload as scheduled. */
  meetingClosed: 'meeting.closed',
  /** cancelMeeting. Payload as scheduled, plus reason and the status it was cancelled from. */
  meetingCancelled: 'meeting.cancelled',
  /** approveMinutes: the meeting's minutes became FINAL. Payload as scheduled. */
  minutesApproved: 'meeting.minutes_approved',
  /**
   * Someone must hear of a comment or amendment (issue 16); the subject is the amendment or
   * comment. Payload: a DiscussionNotice (recipients and what to tell them).
   */
  discussionNotice: 'discussion.notice',
} as const;

/** The payload of TOPICS.discussionNotice: discussion says whom to tell what; reminders records and e-mails it. */
export interface DiscussionNotice {
  kind: 'AMENDMENT_PROPOSED' | 'AMENDMENT_RESOLVED' | 'COMMENT_REPLY';
  /** What happened: a new amendment, its resolution, a reply, or a new version superseding the one commented on. */
  event: 'proposed' | 'accepted' | 'rejected' | 'withdrawn' | 'reply' | 'superseded';
  recipientIds: string[];
  initiativeId: string;
  workingGroupId: string | null;
  /** The document (or KPI) discussed: notifications about the same one are one line of a digest. */
  documentId: string;
  /** Its title (a KPI: code and name). */
  documentTitle: string;
  /** Path of its web page, under the public URL. */
  path: string;
  paragraph: number | null;
  /** The version concerned (the new one for accepted and superseded). */
  versionNumber: number | null;
  /** The reason given, for accepted and rejected amendments. */
  resolution: string | null;
}

export type OutboxTopic = (typeof TOPICS)[keyof typeof TOPICS];

const KNOWN = new Set<string>(Object.values(TOPICS));

/** Whether a stored topic is one of ours (rows are read back as plain text). */
export function isOutboxTopic(topic: string): topic is OutboxTopic {
  return KNOWN.has(topic);
}
