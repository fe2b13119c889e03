import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows, updated } from '@app/platform';
import { type CommentModel, DELETED_BODY } from './comment.model';

const COLUMNS = `c.id, c.body, c.created_at AS "createdAt", c.edited_at AS "editedAt", (c.deleted_at IS NOT NULL) AS deleted,
  c.paragraph, c.author_id AS "authorId", c.version_id AS "versionId", c.parent_id AS "parentId",
  c.initiative_id AS "initiativeId", c.tor_id AS "torId", c.kpi_id AS "kpiId", c.subject_id AS "subjectId",
  to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"`;

/** A comment with the exact creation instant (microseconds) its page cursor is made of. */
export type CommentRow = CommentModel & { cursorAt: string };

export interface NewComment {
  initiativeId: string;
  torId: string | null;
  kpiId: string | null;
  versionId: string | null;
  paragraph: number | null;
  parentId: string | null;
  authorId: string;
  body: string;
}

/** One page request of one subject's top-level comments. */
export interface CommentPageKey {
  subjectId: string;
  /** (created_at, id) of the previous page's last comment. */
  after: [string, string] | null;
  limit: number;
}

/** Replies shown under one comment, at most (oldest first). */
export const MAX_REPLIES_PER_COMMENT = 200;

/**
 * discussion_comment: comments on documents and KPIs, one level of replies (held by the table's
 * keys), deleted ones kept with the body "[deleted]".
 */
@Injectable()
export class CommentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  byIds(ids: readonly string[], db: Queryable = this.dataSource): Promise<CommentRow[]> {
    return rows<CommentRow>(db, `SELECT ${COLUMNS} FROM discussion_comment c WHERE c.id = ANY($1::uuid[])`, [ids]);
  }

  /** The comment, locked until the transaction ends. */
  lock(id: string, m: Queryable): Promise<CommentRow | null> {
    return one<CommentRow>(m, `SELECT ${COLUMNS} FROM discussion_comment c WHERE c.id = $1 FOR UPDATE`, [id]);
  }

  async insert(comment: NewComment, m: Queryable): Promise<string> {
    const row = await one<{ id: string }>(
      m,
      `INSERT INTO discussion_comment (initiative_id, tor_id, kpi_id, version_id, paragraph, parent_id, depth, author_id, body)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6::uuid IS NULL THEN 0 ELSE 1 END, $7, $8)
       RETURNING id`,
      [
        comment.initiativeId,
        comment.torId,
        comment.kpiId,
        comment.versionId,
        comment.paragraph,
        comment.parentId,
        comment.authorId,
        comment.body,
      ],
    );
    return row!.id;
  }

  /** A new body by its author (a deleted comment stays deleted); whether it changed. */
  async edit(id: string, body: string, m: Queryable): Promise<boolean> {
    const changed = await updated(
      m,
      `UPDATE discussion_comment SET body = $2, edited_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
      [id, body],
    );
    return changed.length === 1;
  }

  /** The body becomes "[deleted]"; replies stay. */
  async markDeleted(id: string, deletedBy: string, m: Queryable): Promise<void> {
    await updated(
      m,
      `UPDATE discussion_comment SET body = $3, deleted_at = now(), deleted_by = $2 WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
      [id, deletedBy, DELETED_BODY],
    );
  }

  /** Pages of top-level comments of several subjects, oldest first, in one statement. */
  pages(keys: readonly CommentPageKey[], db: Queryable = this.dataSource): Promise<(CommentRow & { key: number })[]> {
    return rows<CommentRow & { key: number }>(
      db,
      `SELECT k.n AS key, p.* FROM unnest($1::uuid[], $2::timestamptz[], $3::uuid[], $4::int[]) WITH ORDINALITY
              AS k (subject_id, after_at, after_id, lim, n)
         CROSS JOIN LATERAL (
           SELECT ${COLUMNS} FROM discussion_comment c
            WHERE c.subject_id = k.subject_id AND c.depth = 0
              AND (k.after_at IS NULL OR (c.created_at, c.id) > (k.after_at, k.after_id))
            ORDER BY c.created_at, c.id LIMIT k.lim
         ) p
        ORDER BY k.n, p."createdAt", p.id`,
      [
        keys.map((k) => k.subjectId),
        keys.map((k) => k.after?.[0] ?? null),
        keys.map((k) => k.after?.[1] ?? null),
        keys.map((k) => k.limit),
      ],
    );
  }

  /** The number of top-level comments of each subject (subjects without any are absent). */
  counts(subjectIds: readonly string[], db: Queryable = this.dataSource): Promise<{ subjectId: string; total: number }[]> {
    return rows(
      db,
      `SELECT subject_id AS "subjectId", count(*)::int AS total FROM discussion_comment
        WHERE subject_id = ANY($1::uuid[]) AND depth = 0 GROUP BY subject_id`,
      [subjectIds],
    );
  }

  /** The replies of each comment, oldest first (at most MAX_REPLIES_PER_COMMENT each). */
  repliesOf(parentIds: readonly string[], db: Queryable = this.dataSource): Promise<CommentRow[]> {
    return rows<CommentRow>(
      db,
      `SELECT * FROM (
         SELECT ${COLUMNS}, row_number() OVER (PARTITION BY c.parent_id ORDER BY c.created_at, c.id) AS rank
           FROM discussion_comment c WHERE c.parent_id = ANY($1::uuid[])
       ) r WHERE r.rank <= ${MAX_REPLIES_PER_COMMENT} ORDER BY r."createdAt", r.id`,
      [parentIds],
    );
  }

  /** Every comment of a document (replies too), oldest first: the disposition of comments. */
  allOfTor(torId: string, db: Queryable = this.dataSource): Promise<CommentRow[]> {
    return rows<CommentRow>(db, `SELECT ${COLUMNS} FROM discussion_comment c WHERE c.tor_id = $1 ORDER BY c.created_at, c.id`, [
      torId,
    ]);
  }

  /** Who commented on a version (authors of comments not deleted), for the notice of its successor. */
  async authorsOnVersion(versionId: string, db: Queryable): Promise<{ authorId: string; commentId: string }[]> {
    return rows(
      db,
      `SELECT DISTINCT ON (author_id) author_id AS "authorId", id AS "commentId" FROM discussion_comment
        WHERE version_id = $1 AND deleted_at IS NULL ORDER BY author_id, created_at DESC, id DESC`,
      [versionId],
    );
  }
}
