import './graphql-enums';
export * from './graphql-enums';
export * from './meetings/meeting.model';
export * from './agenda/agenda-item.model';
export * from './decisions/decision.model';
export * from './meetings/meetings.service';
export * from './meetings.reader';
export * from './meetings.module';
export * from './meetings-jobs.module';
