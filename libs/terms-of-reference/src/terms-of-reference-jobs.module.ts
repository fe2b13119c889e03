import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '@app/platform';
import { StructureDataModule } from '@app/structure';
import { BallotClosing } from './ballots/ballot-closing.service';
import { BallotDeadlinesRepository } from './ballots/ballot-deadlines.repository';
import { BallotDeadlines } from './ballots/ballots.deadlines';
import { BallotsRepository } from './ballots/ballots.repository';
import { CloseBallotProcessor } from './ballots/jobs/close-ballot.processor';
import { TermsOfReferenceRepository } from './documents/terms-of-reference.repository';

/** The worker's part: the processor that persists ballot outcomes at closesAt. */
@Module({
  imports: [StructureDataModule, BullModule.registerQueue({ name: QUEUES.ballots })],
  providers: [
    BallotsRepository,
    TermsOfReferenceRepository,
    BallotClosing,
    CloseBallotProcessor,
    BallotDeadlinesRepository,
    BallotDeadlines,
  ],
})
export class TermsOfReferenceJobsModule {}
