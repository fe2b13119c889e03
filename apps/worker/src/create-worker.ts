import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { type AppConfig, PinoNestLogger } from '@app/platform';
import { WorkerModule } from './worker.module';

/**
 * Builds and starts the worker context. With shutdown hooks, SIGTERM makes every BullMQ
 * worker stop taking jobs and wait for its active ones before the connections close.
 */
export async function createWorker(config: AppConfig, logger: Logger): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  await app.init();
  return app;
}
