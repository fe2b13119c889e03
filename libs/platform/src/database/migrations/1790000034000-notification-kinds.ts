import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification kinds of meetings (issue 15) and of discussion (issue 16), allowed in one
 * migration so that the two domains, built side by side, do not each rewrite the same CHECK
 * constraints. `planned_reminder` holds the kinds a timer fires (MEETING_UPCOMING and
 * MINUTES_MISSING); `notification` holds every kind a person can receive.
 */
const PLANNED = [
  'WORK_ITEM_DUE',
  'WORK_ITEM_OVERDUE',
  'BALLOT_OPENED',
  'BALLOT_CLOSING',
  'BALLOT_CLOSED',
  'MEETING_UPCOMING',
  'MINUTES_MISSING',
];
const SENT = [
  ...PLANNED,
  'INVITATION',
  'MEETING_ANNOUNCED',
  'MEETING_UPDATED',
  'MEETING_CANCELLED',
  'AMENDMENT_PROPOSED',
  'AMENDMENT_RESOLVED',
  'COMMENT_REPLY',
];
const OLD_PLANNED = PLANNED.slice(0, 5);
const OLD_SENT = [...OLD_PLANNED, 'INVITATION'];

const list = (kinds: string[]) => kinds.map((k) => `'${k}'`).join(',');

export class NotificationKinds1790000034000 implements MigrationInterface {
  name = 'NotificationKinds1790000034000';

  async up(q: QueryRunner): Promise<void> {
    await setKinds(q, PLANNED, SENT);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind NOT IN (${list(OLD_SENT)})`);
    await q.query(`DELETE FROM planned_reminder WHERE kind NOT IN (${list(OLD_PLANNED)})`);
    await setKinds(q, OLD_PLANNED, OLD_SENT);
  }
}

async function setKinds(q: QueryRunner, planned: string[], sent: string[]): Promise<void> {
  await q.query(`ALTER TABLE planned_reminder DROP CONSTRAINT planned_reminder_kind_check,
                   ADD CONSTRAINT planned_reminder_kind_check CHECK (kind IN (${list(planned)}))`);
  await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check,
                   ADD CONSTRAINT notification_kind_check CHECK (kind IN (${list(sent)}))`);
}
