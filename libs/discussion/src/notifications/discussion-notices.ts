import type { EntityManager } from 'typeorm';
import { type DiscussionNotice, TOPICS, writeOutbox } from '@app/platform';

/**
 * Tells reminders, through the outbox and in the transaction of the change, whom to notify of a
 * comment or amendment. Nobody is told of their own act; a notice without recipients is not written.
 */
export async function writeNotice(m: EntityManager, subjectId: string, notice: DiscussionNotice, actorId: string): Promise<void> {
  const recipientIds = [...new Set(notice.recipientIds)].filter((id) => id !== actorId);
  if (!recipientIds.length) return;
  await writeOutbox(m, TOPICS.discussionNotice, subjectId, { ...notice, recipientIds });
}

/** The facts every notice about a document repeats. */
export interface DocumentFacts {
  initiativeId: string;
  workingGroupId: string | null;
  documentId: string;
  documentTitle: string;
  path: string;
}

/** A notice about a document with the defaults of the optional facts. */
export function documentNotice(
  facts: DocumentFacts,
  notice: Pick<DiscussionNotice, 'kind' | 'event' | 'recipientIds'> & Partial<DiscussionNotice>,
): DiscussionNotice {
  return { paragraph: null, versionNumber: null, resolution: null, ...facts, ...notice };
}
