import type { EntityManager } from 'typeorm';
import type { OutboxTopic } from '../events/outbox-topics';
import { type Queryable, rows } from './sql';

/**
 * Records a domain event in the outbox inside the caller's transaction, so the event exists
 * if and only if the change committed. The worker turns outbox rows into jobs; domains never
 * call the reminders library directly.
 */
export async function writeOutbox(
  manager: EntityManager,
  topic: OutboxTopic,
  subjectId: string,
  payload: Record<string, unknown> = {},
): Promise<void> {
  await rows(manager, `INSERT INTO outbox_event (topic, subject_id, payload) VALUES ($1, $2, $3)`, [
    topic,
    subjectId,
    JSON.stringify(payload),
  ]);
}

/** An outbox row as the worker reads it back (the topic is plain text: check it with `isOutboxTopic`). */
export interface OutboxEvent {
  id: string;
  topic: string;
  subjectId: string;
  payload: Record<string, unknown>;
  /** When the change that wrote it happened (its transaction's start). */
  createdAt: Date;
}

/**
 * Claims up to `limit` unprocessed outbox rows, oldest first, inside the caller's transaction.
 * Rows another transaction holds are skipped (FOR UPDATE SKIP LOCKED), so several workers share
 * the outbox; the caller marks what it handled with `markOutboxProcessed` in the same transaction.
 */
export function claimOutboxEvents(m: Queryable, limit: number): Promise<OutboxEvent[]> {
  return rows<OutboxEvent>(
    m,
    `SELECT id, topic, subject_id AS "subjectId", payload, created_at AS "createdAt" FROM outbox_event
      WHERE processed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
}

export async function markOutboxProcessed(m: Queryable, ids: string[]): Promise<void> {
  await rows(m, `UPDATE outbox_event SET processed_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
}
