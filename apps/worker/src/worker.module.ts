import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { type AppConfig, PlatformModule, QUEUES } from '@app/platform';
import { TermsOfReferenceJobsModule } from '@app/terms-of-reference';
import { WorkPlansJobsModule } from '@app/work-plans';
import { MeetingsJobsModule } from '@app/meetings';
import { ReminderJobsModule } from '@app/reminders';
import { HeartbeatProcessor } from './system/heartbeat.processor';
import { HeartbeatRepository } from './system/heartbeat.repository';

/** The worker: BullMQ processors and job schedulers only, no public HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config, logger),
        BullModule.registerQueue({ name: QUEUES.system }),
        TermsOfReferenceJobsModule,
        WorkPlansJobsModule,
        MeetingsJobsModule,
        ReminderJobsModule,
      ],
      providers: [HeartbeatRepository, HeartbeatProcessor],
    };
  }
}
