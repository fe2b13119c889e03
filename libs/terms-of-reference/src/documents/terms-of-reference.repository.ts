import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows, updated } from '@app/platform';
import type { DocumentStatus } from '../graphql-enums';
import type { TermsOfReferenceModel, TermsOfReferenceVersionModel } from './terms-of-reference.model';

const TOR_COLUMNS = `id, title, initiative_id AS "initiativeId", working_group_id AS "workingGroupId", status AS "storedStatus"`;

const VERSION_COLUMNS = `id, tor_id AS "torId", number, body, content_hash AS "contentHash",
  change_summary AS "changeSummary", author_id AS "authorId", created_at AS "createdAt"`;

/** Where a document belongs: its initiative, and its working group for a group's document. */
export interface TorScope {
  id: string;
  initiativeId: string;
  workingGroupId: string | null;
}

export interface NewVersion {
  torId: string;
  body: string;
  contentHash: string;
  changeSummary: string | null;
  authorId: string;
}

/**
 * terms_of_reference and tor_version: documents (at most one per initiative and one per working
 * group, by partial unique indexes) and their numbered versions. The stored status is what the
 * last persisted ballot left; BallotReader decides it for a ballot past its closesAt.
 */
@Injectable()
export class TermsOfReferenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  byId(id: string, db: Queryable = this.dataSource): Promise<TermsOfReferenceModel | null> {
    return one<TermsOfReferenceModel>(db, `SELECT ${TOR_COLUMNS} FROM terms_of_reference WHERE id = $1`, [id]);
  }

  byIds(ids: string[], db: Queryable = this.dataSource): Promise<TermsOfReferenceModel[]> {
    return rows<TermsOfReferenceModel>(db, `SELECT ${TOR_COLUMNS} FROM terms_of_reference WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** The initiatives' own documents (working_group_id IS NULL). */
  ofInitiatives(initiativeIds: string[], db: Queryable = this.dataSource): Promise<TermsOfReferenceModel[]> {
    return rows<TermsOfReferenceModel>(
      db,
      `SELECT ${TOR_COLUMNS} FROM terms_of_reference WHERE initiative_id = ANY($1::uuid[]) AND working_group_id IS NULL`,
      [initiativeIds],
    );
  }

  ofGroups(groupIds: string[], db: Queryable = this.dataSource): Promise<TermsOfReferenceModel[]> {
    return rows<TermsOfReferenceModel>(
      db,
      `SELECT ${TOR_COLUMNS} FROM terms_of_reference WHERE working_group_id = ANY($1::uuid[])`,
      [groupIds],
    );
  }

  versionById(id: string, db: Queryable = this.dataSource): Promise<TermsOfReferenceVersionModel | null> {
    return one<TermsOfReferenceVersionModel>(db, `SELECT ${VERSION_COLUMNS} FROM tor_version WHERE id = $1`, [id]);
  }

  /** The document's newest version (the current one). */
  latestVersion(torId: string, db: Queryable = this.dataSource): Promise<TermsOfReferenceVersionModel | null> {
    return one<TermsOfReferenceVersionModel>(
      db,
      `SELECT ${VERSION_COLUMNS} FROM tor_version WHERE tor_id = $1 ORDER BY number DESC LIMIT 1`,
      [torId],
    );
  }

  versionsByIds(ids: string[], db: Queryable = this.dataSource): Promise<TermsOfReferenceVersionModel[]> {
    return rows<TermsOfReferenceVersionModel>(db, `SELECT ${VERSION_COLUMNS} FROM tor_version WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** The versions of the documents, oldest first. */
  versionsOfTors(torIds: string[], db: Queryable = this.dataSource): Promise<TermsOfReferenceVersionModel[]> {
    return rows<TermsOfReferenceVersionModel>(
      db,
      `SELECT ${VERSION_COLUMNS} FROM tor_version WHERE tor_id = ANY($1::uuid[]) ORDER BY tor_id, number`,
      [torIds],
    );
  }

  /** The newest version each document's persisted ballots approved. */
  approvedVersions(
    torIds: string[],
    db: Queryable = this.dataSource,
  ): Promise<{ torId: string; versionId: string; number: number }[]> {
    return rows(
      db,
      `SELECT DISTINCT ON (b.tor_id) b.tor_id AS "torId", v.id AS "versionId", v.number
         FROM ballot b JOIN tor_version v ON v.id = b.version_id
        WHERE b.tor_id = ANY($1::uuid[]) AND b.state = 'CLOSED' AND b.outcome = 'APPROVED'
        ORDER BY b.tor_id, v.number DESC`,
      [torIds],
    );
  }

  /** A new document in DRAFT; a second one for the same initiative or group violates a unique index (23505). */
  async insert(document: { initiativeId: string; workingGroupId: string | null; title: string }, m: Queryable): Promise<string> {
    const row = await one<{ id: string }>(
      m,
      `INSERT INTO terms_of_reference (initiative_id, working_group_id, title) VALUES ($1, $2, $3) RETURNING id`,
      [document.initiativeId, document.workingGroupId, document.title],
    );
    return row!.id;
  }

  /** Appends the document's next version (number 1 for a new document). */
  async insertVersion(version: NewVersion, m: Queryable): Promise<string> {
    const row = await one<{ id: string }>(
      m,
      `INSERT INTO tor_version (tor_id, number, body, content_hash, change_summary, author_id)
       SELECT $1, coalesce(max(number), 0) + 1, $2, $3, $4, $5 FROM tor_version WHERE tor_id = $1
       RETURNING id`,
      [version.torId, version.body, version.contentHash, version.changeSummary, version.authorId],
    );
    return row!.id;
  }

  /** Locks the document row until the transaction ends; null when it does not exist. */
  lock(torId: string, m: Queryable): Promise<TorScope | null> {
    return one<TorScope>(
      m,
      `SELECT id, initiative_id AS "initiativeId", working_group_id AS "workingGroupId" FROM terms_of_reference WHERE id = $1 FOR UPDATE`,
      [torId],
    );
  }

  /** After a revision: DRAFT again. */
  async returnToDraft(torId: string, m: Queryable): Promise<void> {
    await updated(m, `UPDATE terms_of_reference SET status = 'DRAFT', status_before_ballot = NULL WHERE id = $1`, [torId]);
  }

  /** A ballot opened: UNDER_BALLOT, remembering the status to return to if it is cancelled. */
  async putUnderBallot(torId: string, m: Queryable): Promise<void> {
    await updated(m, `UPDATE terms_of_reference SET status_before_ballot = status, status = 'UNDER_BALLOT' WHERE id = $1`, [
      torId,
    ]);
  }

  /** A ballot closed: the status its outcome gives, if the document is still UNDER_BALLOT. */
  async decide(torId: string, status: DocumentStatus | string, m: Queryable): Promise<void> {
    await updated(
      m,
      `UPDATE terms_of_reference SET status = $2, status_before_ballot = NULL WHERE id = $1 AND status = 'UNDER_BALLOT'`,
      [torId, status],
    );
  }

  /** A ballot was cancelled: the status before it, if the document is still UNDER_BALLOT. */
  async restoreStatusBeforeBallot(torId: string, m: Queryable): Promise<void> {
    await updated(
      m,
      `UPDATE terms_of_reference SET status = status_before_ballot, status_before_ballot = NULL WHERE id = $1 AND status = 'UNDER_BALLOT'`,
      [torId],
    );
  }
}
