import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows } from '@app/platform';
import type { DecisionModel } from './decision.model';

const DECISION_COLUMNS = `d.id, d.meeting_id AS "meetingId", d.agenda_item_id AS "agendaItemId", d.ballot_id AS "ballotId",
  d.recorded_by AS "recordedById", d.number, d.text, d.recorded_at AS "recordedAt"`;

export interface NewDecision {
  meetingId: string;
  agendaItemId: string | null;
  ballotId: string | null;
  text: string;
  recordedById: string;
}

/** decision: the register. Numbers are taken under the meeting's row lock, so they have no gaps and no duplicates. */
@Injectable()
export class DecisionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The next n within the meeting (the caller holds the meeting's row lock). */
  async nextSeq(meetingId: string, m: Queryable): Promise<number> {
    const row = await one<{ n: number }>(m, `SELECT coalesce(max(seq), 0)::int + 1 AS n FROM decision WHERE meeting_id = $1`, [
      meetingId,
    ]);
    return row?.n ?? 1;
  }

  async insert(decision: NewDecision, seq: number, number: string, m: Queryable): Promise<DecisionModel> {
    const [row] = await rows<DecisionModel>(
      m,
      `INSERT INTO decision (meeting_id, seq, number, text, agenda_item_id, ballot_id, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, meeting_id AS "meetingId", agenda_item_id AS "agendaItemId", ballot_id AS "ballotId",
                 recorded_by AS "recordedById", number, text, recorded_at AS "recordedAt"`,
      [decision.meetingId, seq, number, decision.text, decision.agendaItemId, decision.ballotId, decision.recordedById],
    );
    return row;
  }

  byIds(ids: string[]): Promise<DecisionModel[]> {
    return rows<DecisionModel>(this.dataSource, `SELECT ${DECISION_COLUMNS} FROM decision d WHERE d.id = ANY($1::uuid[])`, [ids]);
  }

  ofMeetings(meetingIds: string[]): Promise<DecisionModel[]> {
    return rows<DecisionModel>(
      this.dataSource,
      `SELECT ${DECISION_COLUMNS} FROM decision d WHERE d.meeting_id = ANY($1::uuid[]) ORDER BY d.meeting_id, d.seq`,
      [meetingIds],
    );
  }

  ofAgendaItems(itemIds: string[]): Promise<DecisionModel[]> {
    return rows<DecisionModel>(
      this.dataSource,
      `SELECT ${DECISION_COLUMNS} FROM decision d WHERE d.agenda_item_id = ANY($1::uuid[]) ORDER BY d.agenda_item_id, d.seq`,
      [itemIds],
    );
  }

  /** The initiative's register, newest first, after the cursor. */
  pageOfInitiative(
    initiativeId: string,
    after: { recordedAt: string; id: string } | null,
    limit: number,
  ): Promise<DecisionModel[]> {
    return rows<DecisionModel>(
      this.dataSource,
      `SELECT ${DECISION_COLUMNS}, to_char(d.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "recordedKey"
         FROM decision d JOIN meeting m ON m.id = d.meeting_id
        WHERE m.initiative_id = $1 AND ($2::timestamptz IS NULL OR (d.recorded_at, d.id) < ($2::timestamptz, $3::uuid))
        ORDER BY d.recorded_at DESC, d.id DESC LIMIT $4`,
      [initiativeId, after?.recordedAt ?? null, after?.id ?? null, limit],
    );
  }

  async countOfInitiative(initiativeId: string): Promise<number> {
    const row = await one<{ n: number }>(
      this.dataSource,
      `SELECT count(*)::int AS n FROM decision d JOIN meeting m ON m.id = d.meeting_id WHERE m.initiative_id = $1`,
      [initiativeId],
    );
    return row?.n ?? 0;
  }
}
