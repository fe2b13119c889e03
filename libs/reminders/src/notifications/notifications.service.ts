import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type Caller,
  type ConnectionShape,
  InvalidInputError,
  isUuid,
  type PageRequest,
  toConnection,
  UnauthenticatedError,
} from '@app/platform';
import type { EmailMode } from '../graphql-enums';
import { updatedRows } from '../subjects/sql-result';
import { NOTIFICATION_COLUMNS, type NotificationModel, type NotificationPreferencesModel } from './notification.model';

/** Most notification ids one markNotificationsRead call may name (a page is at most 200). */
const MAX_IDS_PER_CALL = 1000;

function requireCaller(caller: Caller | null): string {
  if (!caller) throw new UnauthenticatedError();
  return caller.personId;
}

/** The caller's own notifications (newest first) and e-mail preference. */
@Injectable()
export class NotificationsService {
  constructor(private readonly dataSource: DataSource) {}

  async mine(caller: Caller | null, unreadOnly: boolean, page: PageRequest): Promise<ConnectionShape<NotificationModel>> {
    const personId = requireCaller(caller);
    const unread = unreadOnly ? 'AND read_at IS NULL' : '';
    let after = '';
    const params: unknown[] = [personId, page.limit + 1];
    if (page.after) {
      const [at, id] = page.after;
      if (typeof at !== 'string' || !isUuid(id) || Number.isNaN(Date.parse(at))) {
        throw InvalidInputError.field('after', 'is not a cursor returned by this API');
      }
      params.push(at, id);
      after = 'AND (created_at, id) < ($3::timestamptz, $4::uuid)';
    }
    const rows = (await this.dataSource.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notification WHERE person_id = $1 ${unread} ${after}
        ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    )) as NotificationModel[];
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM notification WHERE person_id = $1 ${unread}`,
      [personId],
    )) as { total: number }[];
    return toConnection(rows, page, (r) => [r.cursorAt, r.id], total);
  }

  async markRead(caller: Caller | null, ids: string[]): Promise<number> {
    const personId = requireCaller(caller);
    if (ids.length > MAX_IDS_PER_CALL) throw InvalidInputError.field('ids', `at most ${MAX_IDS_PER_CALL} ids per call`);
    const valid = ids.filter(isUuid);
    if (!valid.length) return 0;
    const { count } = updatedRows(
      await this.dataSource.query(
        `UPDATE notification SET read_at = now() WHERE person_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL`,
        [personId, valid],
      ),
    );
    return count;
  }

  async preferences(caller: Caller | null): Promise<NotificationPreferencesModel> {
    const personId = requireCaller(caller);
    const [row] = (await this.dataSource.query(`SELECT email_mode AS "emailMode" FROM person WHERE id = $1`, [
      personId,
    ])) as NotificationPreferencesModel[];
    if (!row) throw new UnauthenticatedError();
    return row;
  }

  async setPreferences(caller: Caller | null, emailMode: EmailMode): Promise<NotificationPreferencesModel> {
    const personId = requireCaller(caller);
    const { rows } = updatedRows<NotificationPreferencesModel>(
      await this.dataSource.query(`UPDATE person SET email_mode = $2 WHERE id = $1 RETURNING email_mode AS "emailMode"`, [
        personId,
        emailMode,
      ]),
    );
    if (!rows.length) throw new UnauthenticatedError();
    return rows[0];
  }
}
