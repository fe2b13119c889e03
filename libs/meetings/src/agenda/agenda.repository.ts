import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows, updated } from '@app/platform';
import type { AgendaItemKind } from '../graphql-enums';
import type { AgendaItemModel } from './agenda-item.model';

const ITEM_COLUMNS = `a.id, a.meeting_id AS "meetingId", a.position, a.title, a.description, a.kind,
  a.duration_minutes AS "durationMinutes", a.presenter_id AS "presenterId", a.session_id AS "sessionId",
  a.terms_of_reference_id AS "termsOfReferenceId", a.ballot_id AS "ballotId", a.work_plan_id AS "workPlanId"`;

/** The fields of an agenda item that add and update set. */
export interface AgendaItemFields {
  title: string;
  description: string | null;
  kind: AgendaItemKind;
  durationMinutes: number | null;
  presenterId: string | null;
  sessionId: string | null;
  termsOfReferenceId: string | null;
  ballotId: string | null;
  workPlanId: string | null;
}

const FIELD_COLUMNS: Record<keyof AgendaItemFields, string> = {
  title: 'title',
  description: 'description',
  kind: 'kind',
  durationMinutes: 'duration_minutes',
  presenterId: 'presenter_id',
  sessionId: 'session_id',
  termsOfReferenceId: 'terms_of_reference_id',
  ballotId: 'ballot_id',
  workPlanId: 'work_plan_id',
};

/**
 * agenda_item and agenda_item_action. Positions are 1..n per meeting at every commit (deferred
 * constraints of the table); writers hold the meeting's row lock, so they renumber one after
 * the other and each renumbering is one statement.
 */
@Injectable()
export class AgendaRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The item's meeting, or null. */
  meetingOf(itemId: string, db: Queryable = this.dataSource): Promise<{ meetingId: string } | null> {
    return one<{ meetingId: string }>(db, `SELECT meeting_id AS "meetingId" FROM agenda_item WHERE id = $1`, [itemId]);
  }

  byIds(ids: string[], db: Queryable = this.dataSource): Promise<AgendaItemModel[]> {
    return rows<AgendaItemModel>(db, `SELECT ${ITEM_COLUMNS} FROM agenda_item a WHERE a.id = ANY($1::uuid[])`, [ids]);
  }

  ofMeetings(meetingIds: string[], db: Queryable = this.dataSource): Promise<AgendaItemModel[]> {
    return rows<AgendaItemModel>(
      db,
      `SELECT ${ITEM_COLUMNS} FROM agenda_item a WHERE a.meeting_id = ANY($1::uuid[]) ORDER BY a.meeting_id, a.position`,
      [meetingIds],
    );
  }

  async count(meetingId: string, m: Queryable): Promise<number> {
    const row = await one<{ n: number }>(m, `SELECT count(*)::int AS n FROM agenda_item WHERE meeting_id = $1`, [meetingId]);
    return row?.n ?? 0;
  }

  /** Inserts the item at `position` (1..n+1), moving the later ones down; returns its id. */
  async insertAt(meetingId: string, position: number, fields: AgendaItemFields, m: Queryable): Promise<string> {
    await updated(m, `UPDATE agenda_item SET position = position + 1 WHERE meeting_id = $1 AND position >= $2`, [
      meetingId,
      position,
    ]);
    const keys = Object.keys(FIELD_COLUMNS) as (keyof AgendaItemFields)[];
    const [{ id }] = await rows<{ id: string }>(
      m,
      `INSERT INTO agenda_item (meeting_id, position, ${keys.map((k) => FIELD_COLUMNS[k]).join(', ')})
       VALUES ($1, $2, ${keys.map((_, i) => `$${i + 3}`).join(', ')}) RETURNING id`,
      [meetingId, position, ...keys.map((k) => fields[k])],
    );
    return id;
  }

  async update(itemId: string, changes: Partial<AgendaItemFields>, m: Queryable): Promise<void> {
    const keys = Object.keys(changes) as (keyof AgendaItemFields)[];
    if (!keys.length) return;
    await updated(m, `UPDATE agenda_item SET ${keys.map((k, i) => `${FIELD_COLUMNS[k]} = $${i + 2}`).join(', ')} WHERE id = $1`, [
      itemId,
      ...keys.map((k) => changes[k]),
    ]);
  }

  /** Moves the item to `position` (1..n) in one statement: the items between shift by one. */
  async move(itemId: string, position: number, m: Queryable): Promise<void> {
    await updated(
      m,
      `WITH it AS (SELECT meeting_id, position AS old FROM agenda_item WHERE id = $1)
       UPDATE agenda_item a SET position = CASE WHEN a.id = $1 THEN $2 WHEN $2 < it.old THEN a.position + 1 ELSE a.position - 1 END
         FROM it
        WHERE a.meeting_id = it.meeting_id AND a.position BETWEEN least(it.old, $2) AND greatest(it.old, $2)`,
      [itemId, position],
    );
  }

  /** Deletes the item and closes the gap it leaves. */
  async delete(itemId: string, m: Queryable): Promise<void> {
    const gone = await updated<{ meetingId: string; position: number }>(
      m,
      `DELETE FROM agenda_item WHERE id = $1 RETURNING meeting_id AS "meetingId", position`,
      [itemId],
    );
    if (gone.length)
      await updated(m, `UPDATE agenda_item SET position = position - 1 WHERE meeting_id = $1 AND position > $2`, [
        gone[0].meetingId,
        gone[0].position,
      ]);
  }

  /** How many decisions and actions were recorded at the item. */
  async recordedAt(itemId: string, m: Queryable): Promise<number> {
    const row = await one<{ n: number }>(
      m,
      `SELECT ((SELECT count(*) FROM decision WHERE agenda_item_id = $1) + (SELECT count(*) FROM agenda_item_action WHERE agenda_item_id = $1))::int AS n`,
      [itemId],
    );
    return row?.n ?? 0;
  }

  async insertAction(agendaItemId: string, workItemId: string, m: Queryable): Promise<void> {
    await rows(m, `INSERT INTO agenda_item_action (agenda_item_id, work_item_id) VALUES ($1, $2)`, [agendaItemId, workItemId]);
  }

  /** The work items recorded as actions at each item, oldest first. */
  actionsOf(agendaItemIds: string[]): Promise<{ agendaItemId: string; workItemId: string }[]> {
    return rows<{ agendaItemId: string; workItemId: string }>(
      this.dataSource,
      `SELECT agenda_item_id AS "agendaItemId", work_item_id AS "workItemId" FROM agenda_item_action
        WHERE agenda_item_id = ANY($1::uuid[]) ORDER BY agenda_item_id, work_item_id`,
      [agendaItemIds],
    );
  }

  /** The KPIs each agenda item is about (ids only: the KPIs are read through the kpis library). */
  kpiLinksOf(agendaItemIds: string[]): Promise<{ agendaItemId: string; kpiId: string }[]> {
    return rows<{ agendaItemId: string; kpiId: string }>(
      this.dataSource,
      `SELECT agenda_item_id AS "agendaItemId", kpi_id AS "kpiId" FROM agenda_item_kpi
        WHERE agenda_item_id = ANY($1::uuid[]) ORDER BY agenda_item_id, kpi_id`,
      [agendaItemIds],
    );
  }

  /** Replaces the item's KPI links by `kpiIds` in one statement (under the meeting's row lock). */
  async replaceKpis(agendaItemId: string, kpiIds: readonly string[], m: Queryable): Promise<void> {
    await rows(
      m,
      `WITH dropped AS (DELETE FROM agenda_item_kpi WHERE agenda_item_id = $1 AND NOT (kpi_id = ANY($2::uuid[])))
       INSERT INTO agenda_item_kpi (agenda_item_id, kpi_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [agendaItemId, kpiIds],
    );
  }

  /** The agenda item each work item was recorded at. */
  ofWorkItems(workItemIds: string[]): Promise<(AgendaItemModel & { workItemId: string })[]> {
    return rows<AgendaItemModel & { workItemId: string }>(
      this.dataSource,
      `SELECT ${ITEM_COLUMNS}, x.work_item_id AS "workItemId" FROM agenda_item_action x JOIN agenda_item a ON a.id = x.agenda_item_id
        WHERE x.work_item_id = ANY($1::uuid[])`,
      [workItemIds],
    );
  }
}
