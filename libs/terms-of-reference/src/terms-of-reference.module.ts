import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@app/identity';
import { QUEUES } from '@app/platform';
import { BallotElectorEntity, BallotEntity } from './ballots/ballot.entity';
import { BallotAccess } from './ballots/ballot-access.service';
import { BallotDeadlines } from './ballots/ballots.deadlines';
import { BallotAuditReader } from './ballots/ballot-audit.service';
import { BallotReader } from './ballots/ballot-reader.service';
import { BallotsResolver } from './ballots/ballots.resolver';
import { BallotsService } from './ballots/ballots.service';
import { CloseBallotScheduler } from './ballots/close-job';
import {
  InitiativeTermsOfReferenceResolver,
  TermsOfReferenceResolver,
  TermsOfReferenceVersionResolver,
  WorkingGroupTermsOfReferenceResolver,
} from './documents/terms-of-reference.resolver';
import { TermsOfReferenceEntity, TorVersionEntity } from './documents/terms-of-reference.entity';
import { TermsOfReferenceService } from './documents/terms-of-reference.service';
import { TorReader } from './documents/tor-reader.service';
import { CurrentVoteEntity, VoteRecordEntity } from './votes/vote-record.entity';
import { VoteReader } from './votes/vote-reader.service';
import { VotesResolver } from './votes/votes.resolver';
import { VotesService } from './votes/votes.service';
import { BallotFeed } from './live/ballot-feed';
import { BallotSubscriptionResolver } from './live/ballot-subscription.resolver';

/** Terms of reference, ballots, votes and receipts: the gateway's part. */
@Module({
  imports: [
    IdentityModule,
    BullModule.registerQueue({ name: QUEUES.ballots }),
    TypeOrmModule.forFeature([
      TermsOfReferenceEntity,
      TorVersionEntity,
      BallotEntity,
      BallotElectorEntity,
      VoteRecordEntity,
      CurrentVoteEntity,
    ]),
  ],
  providers: [
    TorReader,
    BallotReader,
    BallotAccess,
    BallotAuditReader,
    VoteReader,
    TermsOfReferenceService,
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
    BallotDeadlines,
  ],
  exports: [BallotReader, BallotsService, TorReader],
})
export class TermsOfReferenceModule {}
