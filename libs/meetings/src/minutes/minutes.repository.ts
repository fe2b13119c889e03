import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Queryable, rows, updated } from '@app/platform';
import type { MinutesModel } from '../meetings/meeting.model';

const MINUTES_COLUMNS = `meeting_id AS "meetingId", body, status, version, updated_at AS "updatedAt",
  approved_at AS "approvedAt", approved_by AS "approvedById"`;

/** minutes: one row per meeting, created by the first save; each save checks and bumps its version. */
@Injectable()
export class MinutesRepository {
  constructor(private readonly dataSource: DataSource) {}

  ofMeetings(meetingIds: string[], db: Queryable = this.dataSource): Promise<MinutesModel[]> {
    return rows<MinutesModel>(db, `SELECT ${MINUTES_COLUMNS} FROM minutes WHERE meeting_id = ANY($1::uuid[])`, [meetingIds]);
  }

  /** The first save (expectedVersion 0): null when minutes exist already. */
  async insertFirst(meetingId: string, body: string, m: Queryable): Promise<MinutesModel | null> {
    const [row] = await rows<MinutesModel>(
      m,
      `INSERT INTO minutes (meeting_id, body) VALUES ($1, $2) ON CONFLICT (meeting_id) DO NOTHING RETURNING ${MINUTES_COLUMNS}`,
      [meetingId, body],
    );
    return row ?? null;
  }

  /** A later save: null unless the minutes are DRAFT at expectedVersion. */
  async save(meetingId: string, body: string, expectedVersion: number, m: Queryable): Promise<MinutesModel | null> {
    const [row] = await updated<MinutesModel>(
      m,
      `UPDATE minutes SET body = $2, version = version + 1, updated_at = clock_timestamp()
        WHERE meeting_id = $1 AND version = $3 AND status = 'DRAFT' RETURNING ${MINUTES_COLUMNS}`,
      [meetingId, body, expectedVersion],
    );
    return row ?? null;
  }

  /** DRAFT -> FINAL: null unless DRAFT. */
  async approve(meetingId: string, approvedBy: string, m: Queryable): Promise<MinutesModel | null> {
    const [row] = await updated<MinutesModel>(
      m,
      `UPDATE minutes SET status = 'FINAL', approved_at = clock_timestamp(), approved_by = $2
        WHERE meeting_id = $1 AND status = 'DRAFT' RETURNING ${MINUTES_COLUMNS}`,
      [meetingId, approvedBy],
    );
    return row ?? null;
  }
}
