import { Module } from '@nestjs/common';
import { IdentityDataModule, IdentityModule } from '@app/identity';
import { KpisModule } from '@app/kpis';
import { TermsOfReferenceModule } from '@app/terms-of-reference';
import { WorkPlansModule } from '@app/work-plans';
import { AgendaLinks } from './agenda/agenda-links';
import { AgendaResolver, WorkItemAgendaResolver } from './agenda/agenda.resolver';
import { AgendaRepository } from './agenda/agenda.repository';
import { AgendaService } from './agenda/agenda.service';
import { DecisionsRepository } from './decisions/decisions.repository';
import { DecisionsResolver } from './decisions/decisions.resolver';
import { DecisionsService } from './decisions/decisions.service';
import { MeetingDeadlinesRepository } from './deadlines/meeting-deadlines.repository';
import { MeetingDeadlines } from './deadlines/meetings.deadlines';
import { MeetingAccess } from './meetings/meeting-access';
import { InitiativeMeetingsResolver, WorkingGroupMeetingsResolver } from './meetings/meeting-lists.resolver';
import { MeetingParticipantsResolver, MeetingsResolver, MinutesFieldsResolver } from './meetings/meetings.resolver';
import { Invitees } from './meetings/invitees';
import { MeetingsRepository } from './meetings/meetings.repository';
import { MeetingsService } from './meetings/meetings.service';
import { MeetingsReader } from './meetings.reader';
import { MinutesRepository } from './minutes/minutes.repository';
import { MinutesResolver } from './minutes/minutes.resolver';
import { MinutesService } from './minutes/minutes.service';

/** Meetings of initiatives and groups: sessions, agenda, invitees, decisions register, actions and minutes. */
@Module({
  imports: [IdentityModule, IdentityDataModule, TermsOfReferenceModule, WorkPlansModule, KpisModule],
  providers: [
    MeetingsRepository,
    Invitees,
    AgendaRepository,
    DecisionsRepository,
    MinutesRepository,
    MeetingsReader,
    MeetingAccess,
    AgendaLinks,
    MeetingsService,
    AgendaService,
    DecisionsService,
    MinutesService,
    MeetingsResolver,
    MeetingParticipantsResolver,
    MinutesFieldsResolver,
    InitiativeMeetingsResolver,
    WorkingGroupMeetingsResolver,
    AgendaResolver,
    WorkItemAgendaResolver,
    DecisionsResolver,
    MinutesResolver,
    MeetingDeadlinesRepository,
    MeetingDeadlines,
  ],
  exports: [MeetingsService, MeetingsReader],
})
export class MeetingsModule {}
