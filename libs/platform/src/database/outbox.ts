import type { EntityManager } from 'typeorm';
import type { OutboxTopic } from '../events/outbox-topics';

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
  await manager.query(`INSERT INTO outbox_event (topic, subject_id, payload) VALUES ($1, $2, $3)`, [
    topic,
    subjectId,
    JSON.stringify(payload),
  ]);
}
