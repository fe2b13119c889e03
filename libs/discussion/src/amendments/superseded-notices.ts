import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type NewVersionNotice, type TermsOfReferenceModel, TorReader, TorRevisions } from '@app/terms-of-reference';
import { CommentsRepository } from '../comments/comments.repository';
import { documentFacts } from '../documents';
import { documentNotice, writeNotice } from '../notifications/discussion-notices';
import { AmendmentsRepository } from './amendments.repository';

/**
 * When a new version of a document supersedes another (reviseTermsOfReference or
 * acceptAmendments), those who discussed the superseded one hear of it, in the transaction of the
 * change: the proposers of amendments still PROPOSED against it (AMENDMENT_RESOLVED) and the
 * authors of comments on it (COMMENT_REPLY), once per person. Registered on terms of reference's
 * hook, so that domain does not depend on this one.
 */
@Injectable()
export class SupersededNotices implements OnModuleInit {
  constructor(
    private readonly revisions: TorRevisions,
    private readonly tors: TorReader,
    private readonly amendments: AmendmentsRepository,
    private readonly comments: CommentsRepository,
  ) {}

  onModuleInit(): void {
    this.revisions.onNewVersion((m, notice) => this.tell(m, notice));
  }

  private async tell(m: EntityManager, { tor: scope, previous, newNumber, actorId }: NewVersionNotice): Promise<void> {
    const pending = await this.amendments.pendingOnVersion(previous.id, m);
    const commenters = await this.comments.authorsOnVersion(previous.id, m);
    if (!pending.length && !commenters.length) return;
    const tor = (await this.tors.fetch(scope.id)) as TermsOfReferenceModel;
    const facts = documentFacts(tor);
    const told = new Set<string>();
    for (const p of pending) {
      if (told.has(p.proposerId)) continue;
      told.add(p.proposerId);
      const notice = documentNotice(facts, {
        kind: 'AMENDMENT_RESOLVED',
        event: 'superseded',
        recipientIds: [p.proposerId],
        versionNumber: newNumber,
      });
      await writeNotice(m, p.amendmentId, notice, actorId);
    }
    for (const c of commenters) {
      const notice = documentNotice(facts, {
        kind: 'COMMENT_REPLY',
        event: 'superseded',
        recipientIds: [c.authorId],
        versionNumber: newNumber,
      });
      await writeNotice(m, c.commentId, notice, actorId);
    }
  }
}
