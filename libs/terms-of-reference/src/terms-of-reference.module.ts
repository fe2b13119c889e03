import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { StructureDataModule } from '@app/structure';
import { QUEUES } from '@app/platform';
import { BallotAccess } from './ballots/ballot-access.service';
import { BallotAuditReader } from './ballots/ballot-audit.service';
import { BallotClosing } from './ballots/ballot-closing.service';
import { BallotReader } from './ballots/ballot-reader.service';
import { BallotDeadlinesRepository } from './ballots/ballot-deadlines.repository';
import { BallotDeadlines } from './ballots/ballots.deadlines';
import { BallotsRepository } from './ballots/ballots.repository';
import { BallotsResolver } from './ballots/ballots.resolver';
import { BallotsService } from './ballots/ballots.service';
import { CloseBallotScheduler } from './ballots/close-job';
import {
  InitiativeTermsOfReferenceResolver,
  TermsOfReferenceResolver,
  TermsOfReferenceVersionResolver,
  WorkingGroupTermsOfReferenceResolver,
} from './documents/terms-of-reference.resolver';
import { TermsOfReferenceRepository } from './documents/terms-of-reference.repository';
import { TermsOfReferenceService } from './documents/terms-of-reference.service';
import { TorReader } from './documents/tor-reader.service';
import { TorRevisions } from './documents/tor-revisions.service';
import { BallotFeed } from './live/ballot-feed';
import { BallotSubscriptionResolver } from './live/ballot-subscription.resolver';
import { VoteReader } from './votes/vote-reader.service';
import { VotesRepository } from './votes/votes.repository';
import { VotesResolver } from './votes/votes.resolver';
import { VotesService } from './votes/votes.service';

/** Terms of reference, ballots, votes and receipts: the gateway's part. */
@Module({
  imports: [IdentityModule, StructureDataModule, BullModule.registerQueue({ name: QUEUES.ballots })],
  providers: [
    TermsOfReferenceRepository,
    BallotsRepository,
    VotesRepository,
    TorReader,
    TorRevisions,
    BallotReader,
    BallotAccess,
    BallotAuditReader,
    VoteReader,
    TermsOfReferenceService,
    BallotClosing,
    BallotsService,
    VotesService,
    CloseBallotScheduler,
    TermsOfReferenceResolver,
    TermsOfReferenceVersionResolver,
    InitiativeTermsOfReferenceResolver,
    WorkingGroupTermsOfReferenceResolver,
    BallotsResolver,
    VotesResolver,
    BallotFeed,
    BallotSubscriptionResolver,
    BallotDeadlinesRepository,
    BallotDeadlines,
  ],
  exports: [BallotReader, BallotsService, TorReader, TorRevisions, TermsOfReferenceService],
})
export class TermsOfReferenceModule {}
