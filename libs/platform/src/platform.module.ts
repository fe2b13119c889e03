import { type DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from './logging/logging.module';
import { MailModule } from './mail/mail.module';
import { QueueModule } from './queue/queue.module';

/** Config, logging, PostgreSQL, BullMQ and mail: what every process of the platform stands on. */
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    const modules = [ConfigModule.forRoot(config), LoggingModule.forRoot(logger), DatabaseModule, QueueModule, MailModule];
    return { module: PlatformModule, global: true, imports: modules, exports: modules };
  }
}
