import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessPolicy } from '@app/identity';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  isUuid,
  type LoaderRegistry,
  NotFoundError,
  type RequestContext,
} from '@app/platform';
import { MembershipsReader } from '@app/structure';
import {
  TermsOfReferenceService,
  type TermsOfReferenceModel,
  type TermsOfReferenceVersionModel,
  torEditAction,
  TorReader,
  TorRevisions,
} from '@app/terms-of-reference';
import { commentActionOf, DOCUMENT, documentFacts, FROZEN, scopeOf } from '../documents';
import { documentNotice, writeNotice } from '../notifications/discussion-notices';
import { isPlainText, MAX_REASON_LENGTH, NOT_BLANK } from '../text-rules';
import { type AmendmentModel, AmendmentStatus } from './amendment.model';
import { AmendmentLoaders } from './amendments.loaders';
import { AmendmentsRepository } from './amendments.repository';
import type { AcceptAmendmentsInput } from './dto/accept-amendments.input';
import type { ProposeAmendmentInput } from './dto/propose-amendment.input';
import { acceptanceProblem } from './acceptance';
import { applyParagraphChanges, paragraphsOf } from './paragraphs';

const AMENDMENT = 'Amendment';

/** Checks a reason given as a plain argument (rejectAmendment), as the inputs' validators do. */
function checkReason(reason: string): string {
  if (!NOT_BLANK.test(reason)) throw InvalidInputError.field('reason', 'must not be blank');
  if (reason.length > MAX_REASON_LENGTH)
    throw InvalidInputError.field('reason', `must be at most ${MAX_REASON_LENGTH} characters`);
  if (!isPlainText(reason))
    throw InvalidInputError.field('reason', 'must not contain control characters (other than tabs and line breaks)');
  return reason.trim();
}

/**
 * Amendments to terms of reference: proposing (those who may comment; refused while a ballot is
 * OPEN), accepting several into one new version or rejecting with a reason (those who may revise
 * the document), withdrawing (the proposer). Every change runs under the document's row lock or
 * the amendment's, so concurrent decisions are ordered and exactly one wins.
 */
@Injectable()
export class AmendmentsService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly dataSource: DataSource,
    private readonly amendments: AmendmentsRepository,
    private readonly loadersOf: AmendmentLoaders,
    private readonly documents: TermsOfReferenceService,
    private readonly tors: TorReader,
    private readonly revisions: TorRevisions,
    private readonly memberships: MembershipsReader,
  ) {}

  /** An amendment the caller may read; NOT_FOUND otherwise (outsiders learn nothing). */
  async amendment(ctx: RequestContext, id: string): Promise<AmendmentModel> {
    const { amendment } = await this.readable(ctx, id);
    return amendment;
  }

  /** The amendments of a document (authorised by its resolver), oldest first. */
  ofDocument(torId: string, status: AmendmentStatus | null, loaders: LoaderRegistry): Promise<AmendmentModel[]> {
    return this.loadersOf.ofTor(loaders, status).load(torId);
  }

  /** A proposal to replace a paragraph of the current version; CONFLICT while a ballot is OPEN. */
  async propose(ctx: RequestContext, input: ProposeAmendmentInput): Promise<AmendmentModel> {
    const tor = await this.documents.byId(ctx, input.termsOfReferenceId);
    await this.access.authorize(ctx.caller, commentActionOf(tor), scopeOf(tor), { kind: DOCUMENT, id: tor.id });
    const proposerId = this.access.requireCaller(ctx.caller).personId;
    const id = await this.dataSource.transaction(async (m) => {
      const { current } = await this.revisions.lockForChange(m, tor.id, FROZEN);
      const paragraphs = paragraphsOf(current.body);
      if (input.paragraph > paragraphs.length) {
        throw InvalidInputError.field('paragraph', `version ${current.number} has ${paragraphs.length} paragraphs`);
      }
      const originalText = paragraphs[input.paragraph - 1];
      if (input.proposedText.trim() === originalText.trim()) {
        throw InvalidInputError.field('proposedText', 'is the paragraph as it stands');
      }
      const created = await this.amendments.insert(
        {
          initiativeId: tor.initiativeId,
          torId: tor.id,
          baseVersionId: current.id,
          paragraph: input.paragraph,
          originalText,
          proposedText: input.proposedText.trim(),
          rationale: input.rationale?.trim() || null,
          proposerId,
        },
        m,
      );
      const notice = documentNotice(documentFacts(tor), {
        kind: 'AMENDMENT_PROPOSED',
        event: 'proposed',
        recipientIds: await this.revisers(tor, m),
        paragraph: input.paragraph,
        versionNumber: current.number,
      });
      await writeNotice(m, created, notice, proposerId);
      return created;
    });
    return this.fresh(id);
  }

  /**
   * One new version taking in every listed amendment, each ACCEPTED with the resolution. Under the
   * document's lock: CONFLICT when a ballot is OPEN, one is not PROPOSED, was proposed against an
   * older version, or two touch the same paragraph; nothing changes then.
   */
  async accept(ctx: RequestContext, input: AcceptAmendmentsInput): Promise<TermsOfReferenceVersionModel> {
    const tor = await this.documents.byId(ctx, input.termsOfReferenceId);
    await this.access.authorize(ctx.caller, torEditAction(tor), scopeOf(tor), { kind: DOCUMENT, id: tor.id });
    const resolverId = this.access.requireCaller(ctx.caller).personId;
    const ids = [...new Set(input.amendmentIds.map((id) => id.toLowerCase()))];
    const notUuid = ids.find((id) => !isUuid(id));
    if (notUuid !== undefined) throw new NotFoundError(AMENDMENT, notUuid);
    const resolution = input.resolution?.trim() || null;
    const versionId = await this.dataSource.transaction(async (m) => {
      const { current } = await this.revisions.lockForChange(m, tor.id, FROZEN);
      const locked = await this.amendments.lockMany(ids, m);
      const missing = ids.find((id) => !locked.some((a) => a.id === id && a.torId === tor.id));
      if (missing !== undefined) throw new NotFoundError(AMENDMENT, missing);
      const problem = acceptanceProblem(locked, current.id);
      if (problem) throw new ConflictError(problem);
      const body = applyParagraphChanges(
        current.body,
        locked.map((a) => ({ paragraph: a.paragraph, text: a.proposedText })),
      );
      if (!body.trim()) throw new ConflictError('These amendments would delete every paragraph of the document');
      const changeSummary =
        input.changeSummary?.trim() ||
        `Amendments to paragraphs ${locked
          .map((a) => a.paragraph)
          .sort((a, b) => a - b)
          .join(', ')}`;
      const created = await this.revisions.addVersion(m, { torId: tor.id, body, changeSummary, authorId: resolverId });
      const accepted = await this.amendments.accept(ids, resolution, resolverId, created, m);
      if (accepted !== ids.length) throw new ConflictError('An amendment was resolved meanwhile');
      await this.noticeAccepted(m, tor, current.number + 1, locked, resolution, resolverId);
      // Those who discussed the superseded version hear of the new one (SupersededNotices).
      const scope = { id: tor.id, initiativeId: tor.initiativeId, workingGroupId: tor.workingGroupId };
      await this.revisions.announce(m, { tor: scope, previous: current, newNumber: current.number + 1, actorId: resolverId });
      return created;
    });
    return (await this.tors.fetchVersion(versionId)) as TermsOfReferenceVersionModel;
  }

  /** Those who may revise the document: REJECTED with the reason; CONFLICT unless PROPOSED. */
  async reject(ctx: RequestContext, id: string, reason: string): Promise<AmendmentModel> {
    const { amendment, tor } = await this.readable(ctx, id);
    await this.access.authorize(ctx.caller, torEditAction(tor), scopeOf(tor), { kind: AMENDMENT, id });
    const resolverId = this.access.requireCaller(ctx.caller).personId;
    const resolution = checkReason(reason);
    await this.dataSource.transaction(async (m) => {
      if (!(await this.amendments.close(amendment.id, 'REJECTED', resolution, resolverId, m))) {
        throw new ConflictError('This amendment is no longer PROPOSED');
      }
      const notice = documentNotice(documentFacts(tor), {
        kind: 'AMENDMENT_RESOLVED',
        event: 'rejected',
        recipientIds: [amendment.proposerId],
        paragraph: amendment.paragraph,
        resolution,
      });
      await writeNotice(m, amendment.id, notice, resolverId);
    });
    return this.fresh(amendment.id);
  }

  /** The proposer, while PROPOSED: WITHDRAWN. */
  async withdraw(ctx: RequestContext, id: string): Promise<AmendmentModel> {
    const { amendment } = await this.readable(ctx, id);
    const caller = this.access.requireCaller(ctx.caller);
    // Who proposed is a fact of the row, not a role: only the proposer may withdraw.
    if (amendment.proposerId !== caller.personId) throw new ForbiddenError('Only its proposer may withdraw an amendment');
    await this.dataSource.transaction(async (m) => {
      if (!(await this.amendments.close(amendment.id, 'WITHDRAWN', null, caller.personId, m))) {
        throw new ConflictError('This amendment is no longer PROPOSED');
      }
    });
    return this.fresh(amendment.id);
  }

  /** The proposers of the accepted amendments hear of their resolution. */
  private async noticeAccepted(
    m: EntityManager,
    tor: TermsOfReferenceModel,
    newNumber: number,
    accepted: AmendmentModel[],
    resolution: string | null,
    actorId: string,
  ): Promise<void> {
    for (const a of accepted) {
      const notice = documentNotice(documentFacts(tor), {
        kind: 'AMENDMENT_RESOLVED',
        event: 'accepted',
        recipientIds: [a.proposerId],
        paragraph: a.paragraph,
        versionNumber: newNumber,
        resolution,
      });
      await writeNotice(m, a.id, notice, actorId);
    }
  }

  /** Who may revise the document: its group's chairs, or the initiative's SECRETARIAT. */
  private async revisers(tor: TermsOfReferenceModel, m: EntityManager): Promise<string[]> {
    if (!tor.workingGroupId) return this.memberships.secretariatIds(tor.initiativeId, m);
    return (await this.memberships.chairIds([tor.workingGroupId], m)).get(tor.workingGroupId) ?? [];
  }

  /** An amendment and its document, when the caller may read them; NOT_FOUND otherwise. */
  private async readable(ctx: RequestContext, id: string): Promise<{ amendment: AmendmentModel; tor: TermsOfReferenceModel }> {
    this.access.requireCaller(ctx.caller);
    const amendment = await this.loadersOf.amendment(ctx.loaders).load(id);
    if (!amendment) throw new NotFoundError(AMENDMENT, id);
    const tor = await this.tors.torLoader(ctx.loaders).load(amendment.torId);
    if (!tor) throw new NotFoundError(AMENDMENT, id);
    await this.access.authorize(ctx.caller, 'initiative.read', scopeOf(tor), { kind: AMENDMENT, id });
    return { amendment, tor };
  }

  /** The amendment as committed. */
  private async fresh(id: string): Promise<AmendmentModel> {
    return (await this.amendments.byIds([id]))[0];
  }
}
