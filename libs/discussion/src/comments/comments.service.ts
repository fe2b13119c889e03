import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '@app/identity';
import { KpisService } from '@app/kpis';
import {
  ConflictError,
  type ConnectionShape,
  ForbiddenError,
  InvalidInputError,
  isUuid,
  type LoaderRegistry,
  NotFoundError,
  pageRequest,
  type RequestContext,
  toConnection,
} from '@app/platform';
import { initiativeLoader } from '@app/structure';
import { TermsOfReferenceService, TorReader } from '@app/terms-of-reference';
import { paragraphsOf } from '../amendments/paragraphs';
import { commentActionOf, DOCUMENT, documentFacts, scopeOf } from '../documents';
import { documentNotice, type DocumentFacts, writeNotice } from '../notifications/discussion-notices';
import { isPlainText, MAX_COMMENT_LENGTH, NOT_BLANK } from '../text-rules';
import type { CommentModel } from './comment.model';
import type { CommentOnKpiInput } from './dto/comment-on-kpi.input';
import type { CommentOnTermsOfReferenceInput } from './dto/comment-on-terms-of-reference.input';
import { CommentLoaders, pageKey } from './comments.loaders';
import { type CommentRow, CommentsRepository } from './comments.repository';

/** Checks a body given as a plain argument (editComment), as the inputs' validators do. */
function checkBody(body: string): string {
  if (!NOT_BLANK.test(body)) throw InvalidInputError.field('body', 'must not be blank');
  if (body.length > MAX_COMMENT_LENGTH) throw InvalidInputError.field('body', `must be at most ${MAX_COMMENT_LENGTH} characters`);
  if (!isPlainText(body))
    throw InvalidInputError.field('body', 'must not contain control characters (other than tabs and line breaks)');
  return body;
}

/**
 * Comments on terms of reference and on KPIs: writing them (participants; OBSERVERs read only),
 * editing (the author), deleting (the author or SECRETARIAT) and reading them as pages.
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly dataSource: DataSource,
    private readonly comments: CommentsRepository,
    private readonly loadersOf: CommentLoaders,
    private readonly documents: TermsOfReferenceService,
    private readonly tors: TorReader,
    private readonly kpis: KpisService,
  ) {}

  /** A comment on a document, on a version (the current one by default) and optionally a paragraph of it. */
  async commentOnTermsOfReference(ctx: RequestContext, input: CommentOnTermsOfReferenceInput): Promise<CommentModel> {
    const tor = await this.documents.byId(ctx, input.termsOfReferenceId);
    await this.access.authorize(ctx.caller, commentActionOf(tor), scopeOf(tor), { kind: DOCUMENT, id: tor.id });
    const authorId = this.access.requireCaller(ctx.caller).personId;
    const parent = input.parentId ? await this.parentOf(input.parentId, tor.id, ctx.loaders) : null;
    // A reply is on its parent's version and paragraph.
    let versionId = parent?.versionId ?? null;
    let paragraph = parent?.paragraph ?? null;
    if (!parent) {
      const versions = await this.tors.versionsOfTorLoader(ctx.loaders).load(tor.id);
      const version = input.versionId ? versions.find((v) => v.id === input.versionId?.toLowerCase()) : versions.at(-1);
      if (!version) throw new NotFoundError('Terms of reference version', input.versionId ?? tor.id);
      paragraph = input.paragraph ?? null;
      if (paragraph !== null && paragraph > paragraphsOf(version.body).length) {
        throw InvalidInputError.field(
          'paragraph',
          `version ${version.number} has ${paragraphsOf(version.body).length} paragraphs`,
        );
      }
      versionId = version.id;
    }
    const id = await this.dataSource.transaction(async (m) => {
      const created = await this.comments.insert(
        {
          initiativeId: tor.initiativeId,
          torId: tor.id,
          kpiId: null,
          versionId,
          paragraph,
          parentId: parent?.id ?? null,
          authorId,
          body: input.body,
        },
        m,
      );
      if (parent) {
        const notice = documentNotice(documentFacts(tor), {
          kind: 'COMMENT_REPLY',
          event: 'reply',
          recipientIds: [parent.authorId],
          paragraph,
        });
        await writeNotice(m, created, notice, authorId);
      }
      return created;
    });
    return this.fresh(id);
  }

  /** A comment on a KPI: SECRETARIAT and MEMBERs of its initiative. */
  async commentOnKpi(ctx: RequestContext, input: CommentOnKpiInput): Promise<CommentModel> {
    const kpi = await this.kpis.kpi(ctx.caller, input.kpiId, ctx.loaders);
    await this.access.authorize(ctx.caller, 'kpi.comment', { initiativeId: kpi.initiativeId }, { kind: 'KPI', id: kpi.id });
    const authorId = this.access.requireCaller(ctx.caller).personId;
    const parent = input.parentId ? await this.parentOf(input.parentId, kpi.id, ctx.loaders) : null;
    const initiative = await initiativeLoader(ctx.loaders, this.dataSource).load(kpi.initiativeId);
    const facts: DocumentFacts = {
      initiativeId: kpi.initiativeId,
      workingGroupId: null,
      documentId: kpi.id,
      documentTitle: `${kpi.code} ${kpi.name}`,
      path: `i/${initiative?.slug ?? kpi.initiativeId}/kpis/${kpi.id}`,
    };
    const id = await this.dataSource.transaction(async (m) => {
      const created = await this.comments.insert(
        {
          initiativeId: kpi.initiativeId,
          torId: null,
          kpiId: kpi.id,
          versionId: null,
          paragraph: null,
          parentId: parent?.id ?? null,
          authorId,
          body: input.body,
        },
        m,
      );
      if (parent)
        await writeNotice(
          m,
          created,
          documentNotice(facts, { kind: 'COMMENT_REPLY', event: 'reply', recipientIds: [parent.authorId] }),
          authorId,
        );
      return created;
    });
    return this.fresh(id);
  }

  /** The author only; a deleted comment cannot be edited (CONFLICT). */
  async editComment(ctx: RequestContext, id: string, body: string): Promise<CommentModel> {
    const comment = await this.readable(ctx, id);
    const caller = this.access.requireCaller(ctx.caller);
    // Authorship is a fact of the row, not a role: only the author may change their words.
    if (comment.authorId !== caller.personId) throw new ForbiddenError('Only its author may edit a comment');
    checkBody(body);
    const changed = await this.dataSource.transaction(async (m) => {
      const locked = await this.comments.lock(comment.id, m);
      return locked !== null && !locked.deleted && (await this.comments.edit(comment.id, body, m));
    });
    if (!changed) throw new ConflictError('This comment was deleted');
    return this.fresh(comment.id);
  }

  /** The author or SECRETARIAT: the body becomes "[deleted]", replies stay. Deleting twice changes nothing. */
  async deleteComment(ctx: RequestContext, id: string): Promise<CommentModel> {
    const comment = await this.readable(ctx, id);
    const caller = this.access.requireCaller(ctx.caller);
    if (comment.authorId !== caller.personId) {
      await this.access.authorize(ctx.caller, 'comment.moderate', await this.scopeOfComment(comment, ctx.loaders), {
        kind: 'Comment',
        id,
      });
    }
    await this.dataSource.transaction(async (m) => {
      await this.comments.lock(comment.id, m);
      await this.comments.markDeleted(comment.id, caller.personId, m);
    });
    return this.fresh(comment.id);
  }

  /** A page of a subject's top-level comments (its parent, a document or KPI, was authorised by its resolver). */
  async page(
    subjectId: string,
    first: number | null,
    after: string | null,
    loaders: LoaderRegistry,
  ): Promise<ConnectionShape<CommentModel>> {
    const page = pageRequest(first, after, 50);
    let afterKey: [string, string] | null = null;
    if (page.after) {
      const [at, id] = page.after;
      if (typeof at !== 'string' || typeof id !== 'string' || !isUuid(id) || Number.isNaN(Date.parse(at))) {
        throw InvalidInputError.field('after', 'is not a cursor returned by this API');
      }
      afterKey = [at, id];
    }
    const [rows, total] = await Promise.all([
      page.limit === 0 ? [] : this.loadersOf.page(loaders).load(pageKey({ subjectId, after: afterKey, limit: page.limit + 1 })),
      this.loadersOf.count(loaders).load(subjectId),
    ]);
    return toConnection<CommentRow>(rows, page, (r) => [r.cursorAt, r.id], total);
  }

  /** The replies of a comment, oldest first. */
  replies(commentId: string, loaders: LoaderRegistry): Promise<CommentModel[]> {
    return this.loadersOf.replies(loaders).load(commentId);
  }

  /** A comment the caller may read (a member of its initiative, of its document's scope); NOT_FOUND otherwise. */
  private async readable(ctx: RequestContext, id: string): Promise<CommentRow> {
    this.access.requireCaller(ctx.caller);
    const comment = await this.loadersOf.comment(ctx.loaders).load(id);
    if (!comment) throw new NotFoundError('Comment', id);
    await this.access.authorize(ctx.caller, 'initiative.read', await this.scopeOfComment(comment, ctx.loaders), {
      kind: 'Comment',
      id,
    });
    return comment;
  }

  private async scopeOfComment(comment: CommentRow, loaders: LoaderRegistry) {
    const tor = comment.torId ? await this.tors.torLoader(loaders).load(comment.torId) : null;
    return { initiativeId: comment.initiativeId, groupId: tor?.workingGroupId ?? null };
  }

  /** The comment replied to: a top-level comment of the same subject, else NOT_FOUND (or BAD_USER_INPUT for a reply). */
  private async parentOf(parentId: string, subjectId: string, loaders: LoaderRegistry): Promise<CommentRow> {
    const parent = await this.loadersOf.comment(loaders).load(parentId);
    if (!parent || parent.subjectId !== subjectId) throw new NotFoundError('Comment', parentId);
    if (parent.parentId !== null) throw InvalidInputError.field('parentId', 'is a reply: replies have no replies of their own');
    return parent;
  }

  /** The comment as committed (never from this request's loaders, which may hold it as it was). */
  private async fresh(id: string): Promise<CommentModel> {
    return (await this.comments.byIds([id]))[0];
  }
}
