import { Module } from '@nestjs/common';
import { IdentityDataModule } from '@app/identity';
import { StructureDataModule } from '@app/structure';
import { MeetingDeadlinesRepository } from './deadlines/meeting-deadlines.repository';
import { MeetingDeadlines } from './deadlines/meetings.deadlines';
import { Invitees } from './meetings/invitees';
import { MeetingsRepository } from './meetings/meetings.repository';

/** The worker's part: meetings as a deadline source of reminders (upcoming meetings, missing minutes, invitations). */
@Module({
  imports: [StructureDataModule, IdentityDataModule],
  providers: [MeetingsRepository, Invitees, MeetingDeadlinesRepository, MeetingDeadlines],
})
export class MeetingsJobsModule {}
