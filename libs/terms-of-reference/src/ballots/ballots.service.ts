import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy, type Action, allows } from '@app/identity';
import { MembershipsReader } from '@app/structure';
import {
  type Caller,
  ConflictError,
  type ConnectionShape,
  InvalidInputError,
  NotFoundError,
  type PageRequest,
  type RequestContext,
  writeOutbox,
} from '@app/platform';
import { callerRoles } from '../caller-roles';
import { TermsOfReferenceRepository } from '../documents/terms-of-reference.repository';
import { TorReader } from '../documents/tor-reader.service';
import { BallotStatus } from '../graphql-enums';
import type { VoteModel } from '../votes/vote.model';
import { VoteReader } from '../votes/vote-reader.service';
import { BallotAccess } from './ballot-access.service';
import type { BallotAuditModel } from './ballot-audit.model';
import { BallotAuditReader } from './ballot-audit.service';
import type { BallotModel, TallyModel } from './ballot.model';
import { BallotClosing } from './ballot-closing.service';
import { BallotReader } from './ballot-reader.service';
import { BallotsRepository } from './ballots.repository';
import { CloseBallotScheduler } from './close-job';
import type { OpenBallotInput } from './dto/open-ballot.input';

const openAction = (tor: { workingGroupId: string | null }): Action =>
  tor.workingGroupId ? 'groupTor.openBallot' : 'initiativeTor.openBallot';

const NO_VOTES: ConnectionShape<VoteModel> = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };

/**
 * Ballots for the gateway: reading them, opening, closing and cancelling them, and what of an
 * OPEN ballot only the SECRETARIAT sees. Every mutation is one transaction that locks the ballot
 * (or document) row; the database's clock decides whether a ballot is still open.
 */
@Injectable()
export class BallotsService {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly dataSource: DataSource,
    private readonly ballots: BallotsRepository,
    private readonly documents: TermsOfReferenceRepository,
    private readonly closing: BallotClosing,
    private readonly access: BallotAccess,
    private readonly reader: BallotReader,
    private readonly tors: TorReader,
    private readonly votes: VoteReader,
    private readonly audits: BallotAuditReader,
    private readonly scheduler: CloseBallotScheduler,
    private readonly memberships: MembershipsReader,
  ) {}

  /** Query.ballot: NOT_FOUND when it does not exist or the caller is outside its initiative. */
  byId(ctx: RequestContext, id: string): Promise<BallotModel> {
    return this.access.readable(ctx, id);
  }

  /** openBallot on the document's current version; plans its close job after the commit. */
  async open(caller: Caller | null, input: OpenBallotInput): Promise<BallotModel> {
    const { personId } = this.policy.requireCaller(caller);
    const tor = await this.tors.fetch(input.termsOfReferenceId);
    if (!tor) throw new NotFoundError('Terms of reference', input.termsOfReferenceId);
    await this.policy.authorize(
      caller,
      openAction(tor),
      { initiativeId: tor.initiativeId, groupId: tor.workingGroupId },
      { kind: 'Terms of reference', id: tor.id },
    );
    const opened = await this.dataSource.transaction(async (m) => {
      const locked = await this.documents.lock(tor.id, m);
      if (!locked) throw new NotFoundError('Terms of reference', tor.id);
      if (!(await this.ballots.isFuture(input.closesAt, m))) throw new ConflictError('closesAt must be in the future');
      await this.closing.settleOrRefuse(m, tor.id, 'Another ballot on these terms of reference is still OPEN');
      const electorIds = await this.memberships.electorate(
        locked.workingGroupId ? { groupId: locked.workingGroupId } : { initiativeId: locked.initiativeId },
        m,
      );
      const ballot = await this.ballots.insert(
        {
          torId: tor.id,
          openedBy: personId,
          closesAt: input.closesAt,
          rule: input.rule,
          quorum: input.quorum,
          electorIds,
        },
        m,
      );
      if (!ballot) throw new ConflictError('These terms of reference have no version to vote on');
      await this.documents.putUnderBallot(tor.id, m);
      await writeOutbox(m, 'ballot.opened', ballot.id, {
        termsOfReferenceId: tor.id,
        initiativeId: locked.initiativeId,
        workingGroupId: locked.workingGroupId,
        closesAt: ballot.closesAt.toISOString(),
        electorateSize: ballot.electorateSize,
      });
      return ballot;
    });
    await this.scheduler.schedule(opened.id, opened.closesAt);
    return (await this.reader.fetch(opened.id)) as BallotModel;
  }

  /** closeBallot (SECRETARIAT): closes an OPEN ballot now and persists its outcome. */
  async closeNow(ctx: RequestContext, ballotId: string): Promise<BallotModel> {
    await this.authorizeManage(ctx, ballotId);
    await this.dataSource.transaction(async (m) => {
      const result = await this.closing.settle(m, ballotId, 'now');
      if (result !== 'closed') throw new ConflictError('The ballot is not OPEN');
      await writeOutbox(m, 'ballot.closing_time_changed', ballotId, { reason: 'closed early' });
    });
    return (await this.reader.fetch(ballotId)) as BallotModel;
  }

  /** cancelBallot (SECRETARIAT): no outcome; the document returns to its status before the ballot. */
  async cancel(ctx: RequestContext, ballotId: string, reason: string): Promise<BallotModel> {
    await this.authorizeManage(ctx, ballotId);
    if (!/\S/.test(reason)) throw InvalidInputError.field('reason', 'must not be blank');
    if (reason.length > 2000) throw InvalidInputError.field('reason', 'must be at most 2000 characters');
    await this.dataSource.transaction(async (m) => {
      await this.ballots.lock(ballotId, m);
      const torId = await this.ballots.cancel(ballotId, reason, m);
      if (!torId) throw new ConflictError('The ballot is not OPEN');
      await this.documents.restoreStatusBeforeBallot(torId, m);
      await writeOutbox(m, 'ballot.cancelled', ballotId, { termsOfReferenceId: torId, reason });
    });
    return (await this.reader.fetch(ballotId)) as BallotModel;
  }

  /** Ballot.tally: everyone's once CLOSED; while OPEN only the SECRETARIAT's (null for others). */
  async tally(ctx: RequestContext, ballot: BallotModel): Promise<TallyModel | null> {
    const view = await this.reader.view(ctx.loaders, ballot);
    if (view.status !== BallotStatus.CLOSED && !(await this.seesLive(ctx, ballot))) return null;
    const { approve, object, abstain } = view.counts;
    return { approve, object, abstain, notVoted: Math.max(0, ballot.electorateSize - view.votesCast) };
  }

  /** Ballot.audit: every member's once CLOSED, the SECRETARIAT's at any time; null otherwise. */
  async audit(ctx: RequestContext, ballot: BallotModel): Promise<BallotAuditModel | null> {
    const view = await this.reader.view(ctx.loaders, ballot);
    if (view.status !== BallotStatus.CLOSED && !(await this.seesLive(ctx, ballot))) return null;
    return this.audits.audit(ctx.loaders, ballot, view);
  }

  /** Ballot.votes: the current votes once CLOSED; empty while OPEN, except for the SECRETARIAT. */
  async votesOf(ctx: RequestContext, ballot: BallotModel, page: PageRequest): Promise<ConnectionShape<VoteModel>> {
    const view = await this.reader.view(ctx.loaders, ballot);
    if (view.status !== BallotStatus.CLOSED && !(await this.seesLive(ctx, ballot))) return NO_VOTES;
    return this.votes.currentVotesLoader(ctx.loaders, page).load(ballot.id);
  }

  /** Whether the caller sees the tally, votes and audit of a ballot that is not CLOSED (SECRETARIAT). */
  private async seesLive(ctx: RequestContext, ballot: BallotModel): Promise<boolean> {
    return allows('ballot.manage', await callerRoles(ctx, this.policy, ballot.initiativeId));
  }

  private async authorizeManage(ctx: RequestContext, ballotId: string): Promise<void> {
    const ballot = await this.access.readable(ctx, ballotId);
    await this.policy.authorize(
      ctx.caller,
      'ballot.manage',
      { initiativeId: ballot.initiativeId, groupId: ballot.workingGroupId },
      { kind: 'Ballot', id: ballotId },
    );
  }
}
