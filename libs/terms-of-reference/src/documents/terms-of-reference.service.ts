import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy, type Action } from '@app/identity';
import { ConflictError, isUuid, NotFoundError, type RequestContext } from '@app/platform';
import { workingGroupLoader } from '@app/structure';
import { BallotClosing } from '../ballots/ballot-closing.service';
import { sha256Hex } from '../votes/hash-chain';
import type { DraftTermsOfReferenceInput } from './dto/draft-terms-of-reference.input';
import type { ReviseTermsOfReferenceInput } from './dto/revise-terms-of-reference.input';
import type { TermsOfReferenceModel, TermsOfReferenceVersionModel } from './terms-of-reference.model';
import { TermsOfReferenceRepository } from './terms-of-reference.repository';
import { TorReader } from './tor-reader.service';
import { TorRevisions } from './tor-revisions.service';

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** The edit action for a document: the initiative's own, or a working group's. */
export const torEditAction = (tor: { workingGroupId?: string | null }): Action =>
  tor.workingGroupId ? 'groupTor.edit' : 'initiativeTor.edit';

/** Reading, drafting and revising terms of reference: one transaction per change. */
@Injectable()
export class TermsOfReferenceService {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly dataSource: DataSource,
    private readonly documents: TermsOfReferenceRepository,
    private readonly reader: TorReader,
    private readonly closing: BallotClosing,
    private readonly revisions: TorRevisions,
  ) {}

  /** A document the caller may read: NOT_FOUND when it does not exist or the caller is outside its initiative. */
  async byId(ctx: RequestContext, id: string): Promise<TermsOfReferenceModel> {
    this.policy.requireCaller(ctx.caller);
    const tor = isUuid(id) ? await this.reader.torLoader(ctx.loaders).load(id) : null;
    if (!tor) throw new NotFoundError('Terms of reference', id);
    await this.policy.authorize(
      ctx.caller,
      'initiative.read',
      { initiativeId: tor.initiativeId, groupId: tor.workingGroupId },
      { kind: 'Terms of reference', id },
    );
    return tor;
  }

  /** A new document with version 1; CONFLICT if the initiative or group already has one. */
  async draft(ctx: RequestContext, input: DraftTermsOfReferenceInput): Promise<TermsOfReferenceModel> {
    const caller = this.policy.requireCaller(ctx.caller);
    if (!isUuid(input.initiativeId)) throw new NotFoundError('Initiative', input.initiativeId);
    const groupId = input.workingGroupId ?? null;
    if (groupId !== null) {
      const group = isUuid(groupId) ? await workingGroupLoader(ctx.loaders, this.dataSource).load(groupId) : null;
      if (group?.initiativeId !== input.initiativeId.toLowerCase()) {
        // Outsiders learn nothing about the initiative either way.
        await this.policy.authorize(
          caller,
          'initiative.read',
          { initiativeId: input.initiativeId },
          { kind: 'Initiative', id: input.initiativeId },
        );
        throw new NotFoundError('Working group', groupId);
      }
    }
    await this.policy.authorize(
      caller,
      torEditAction({ workingGroupId: groupId }),
      { initiativeId: input.initiativeId, groupId },
      { kind: groupId ? 'Working group' : 'Initiative', id: groupId ?? input.initiativeId },
    );
    let id: string;
    try {
      id = await this.dataSource.transaction(async (m) => {
        const torId = await this.documents.insert(
          { initiativeId: input.initiativeId, workingGroupId: groupId, title: input.title.trim() },
          m,
        );
        await this.documents.insertVersion(
          { torId, body: input.body, contentHash: sha256Hex(input.body), changeSummary: null, authorId: caller.personId },
          m,
        );
        return torId;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          groupId ? 'This working group already has terms of reference' : 'This initiative already has terms of reference',
        );
      }
      throw error;
    }
    return (await this.reader.fetch(id)) as TermsOfReferenceModel;
  }

  /** Adds the next version and returns the document to DRAFT; CONFLICT while a ballot is OPEN. */
  async revise(ctx: RequestContext, input: ReviseTermsOfReferenceInput): Promise<TermsOfReferenceVersionModel> {
    const tor = await this.byId(ctx, input.termsOfReferenceId);
    await this.policy.authorize(
      ctx.caller,
      torEditAction(tor),
      { initiativeId: tor.initiativeId, groupId: tor.workingGroupId },
      { kind: 'Terms of reference', id: tor.id },
    );
    const authorId = this.policy.requireCaller(ctx.caller).personId;
    const versionId = await this.dataSource.transaction(async (m) => {
      const tor = await this.documents.lock(input.termsOfReferenceId, m);
      await this.closing.settleOrRefuse(m, input.termsOfReferenceId, 'A ballot on these terms of reference is OPEN');
      const previous = (await this.documents.latestVersion(input.termsOfReferenceId, m)) as TermsOfReferenceVersionModel;
      const created = await this.documents.insertVersion(
        {
          torId: input.termsOfReferenceId,
          body: input.body,
          contentHash: sha256Hex(input.body),
          changeSummary: input.changeSummary ?? null,
          authorId,
        },
        m,
      );
      await this.documents.returnToDraft(input.termsOfReferenceId, m);
      await this.revisions.announce(m, { tor: tor!, previous, newNumber: previous.number + 1, actorId: authorId });
      return created;
    });
    return (await this.reader.fetchVersion(versionId)) as TermsOfReferenceVersionModel;
  }
}
