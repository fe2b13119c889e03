import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

/**
 * The BullMQ connection from REDIS_URL, with the deployment's key prefix. Queues and workers
 * registered by feature modules are closed by @nestjs/bullmq on shutdown; a worker finishes
 * its active jobs before it closes.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // BullMQ creates its ioredis clients from the URL (and sets maxRetriesPerRequest itself).
        connection: { url: config.REDIS_URL },
        prefix: config.QUEUE_PREFIX,
        defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 },
      }),
    }),
  ],
  exports: [BullModule],
})
export class QueueModule {}
