import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows, updated } from '@app/platform';
import type { AmendmentModel, AmendmentStatus } from './amendment.model';

const COLUMNS = `a.id, a.paragraph, a.original_text AS "originalText", a.proposed_text AS "proposedText", a.rationale,
  a.status, a.resolution, a.resolved_at AS "resolvedAt", a.created_at AS "createdAt", a.initiative_id AS "initiativeId",
  a.tor_id AS "torId", a.base_version_id AS "baseVersionId", a.proposer_id AS "proposerId",
  a.resolved_by AS "resolvedById", a.resulting_version_id AS "resultingVersionId"`;

export interface NewAmendment {
  initiativeId: string;
  torId: string;
  baseVersionId: string;
  paragraph: number;
  originalText: string;
  proposedText: string;
  rationale: string | null;
  proposerId: string;
}

/** amendment: proposals to replace one paragraph of a version, and how each was resolved. */
@Injectable()
export class AmendmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  byIds(ids: readonly string[], db: Queryable = this.dataSource): Promise<AmendmentModel[]> {
    return rows<AmendmentModel>(db, `SELECT ${COLUMNS} FROM amendment a WHERE a.id = ANY($1::uuid[])`, [ids]);
  }

  /** The amendments of several documents, oldest first, optionally of one status (one statement). */
  ofTors(torIds: readonly string[], status: AmendmentStatus | null, db: Queryable = this.dataSource): Promise<AmendmentModel[]> {
    return rows<AmendmentModel>(
      db,
      `SELECT ${COLUMNS} FROM amendment a WHERE a.tor_id = ANY($1::uuid[]) AND ($2::text IS NULL OR a.status = $2)
        ORDER BY a.created_at, a.id`,
      [torIds, status],
    );
  }

  /** The amendments among `ids`, locked until the transaction ends, in id order (no deadlock between two acceptances). */
  lockMany(ids: readonly string[], m: Queryable): Promise<AmendmentModel[]> {
    return rows<AmendmentModel>(m, `SELECT ${COLUMNS} FROM amendment a WHERE a.id = ANY($1::uuid[]) ORDER BY a.id FOR UPDATE`, [
      ids,
    ]);
  }

  async insert(amendment: NewAmendment, m: Queryable): Promise<string> {
    const row = await one<{ id: string }>(
      m,
      `INSERT INTO amendment (initiative_id, tor_id, base_version_id, paragraph, original_text, proposed_text, rationale, proposer_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        amendment.initiativeId,
        amendment.torId,
        amendment.baseVersionId,
        amendment.paragraph,
        amendment.originalText,
        amendment.proposedText,
        amendment.rationale,
        amendment.proposerId,
      ],
    );
    return row!.id;
  }

  /** PROPOSED -> ACCEPTED for all of `ids`, taken in by `versionId`; how many changed. */
  async accept(ids: readonly string[], resolution: string | null, by: string, versionId: string, m: Queryable): Promise<number> {
    const changed = await updated(
      m,
      `UPDATE amendment SET status = 'ACCEPTED', resolution = $2, resolved_by = $3, resolved_at = now(), resulting_version_id = $4
        WHERE id = ANY($1::uuid[]) AND status = 'PROPOSED' RETURNING id`,
      [ids, resolution, by, versionId],
    );
    return changed.length;
  }

  /** PROPOSED -> REJECTED or WITHDRAWN (a reason for REJECTED); whether it changed. */
  async close(
    id: string,
    status: 'REJECTED' | 'WITHDRAWN',
    resolution: string | null,
    by: string,
    m: Queryable,
  ): Promise<boolean> {
    const changed = await updated(
      m,
      `UPDATE amendment SET status = $2, resolution = $3, resolved_by = $4, resolved_at = now()
        WHERE id = $1 AND status = 'PROPOSED' RETURNING id`,
      [id, status, resolution, by],
    );
    return changed.length === 1;
  }

  /** The amendment, locked until the transaction ends. */
  lock(id: string, m: Queryable): Promise<AmendmentModel | null> {
    return one<AmendmentModel>(m, `SELECT ${COLUMNS} FROM amendment a WHERE a.id = $1 FOR UPDATE`, [id]);
  }

  /** Proposers of amendments to a version still PROPOSED when a new version supersedes it. */
  async pendingOnVersion(versionId: string, db: Queryable): Promise<{ proposerId: string; amendmentId: string }[]> {
    return rows(
      db,
      `SELECT proposer_id AS "proposerId", id AS "amendmentId" FROM amendment
        WHERE base_version_id = $1 AND status = 'PROPOSED' ORDER BY created_at, id`,
      [versionId],
    );
  }
}
