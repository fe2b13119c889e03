import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '@app/platform';
import { BallotDeadlines } from './ballots/ballots.deadlines';
import { BallotsService } from './ballots/ballots.service';
import { CloseBallotProcessor } from './ballots/jobs/close-ballot.processor';

/** The worker's part: the processor that persists ballot outcomes at closesAt. */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.ballots })],
  providers: [BallotsService, CloseBallotProcessor, BallotDeadlines],
})
export class TermsOfReferenceJobsModule {}
