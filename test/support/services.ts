import { type INestApplicationContext, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger, PinoNestLogger, PlatformModule } from '@app/platform';
import { testConfig } from './test-config';

@Module({})
class ServicesUnderTest {}

/**
 * The services of domain modules for the tests of the calling block, wired as the apps wire
 * them (on the platform: configuration, logging, PostgreSQL, BullMQ, mail) but without HTTP or
 * GraphQL: a Nest application context started in `beforeAll` and closed in `afterAll`.
 * Returns an accessor: `services.get(SomeService)` inside the tests.
 */
export function useServices(...modules: Type<unknown>[]): Pick<INestApplicationContext, 'get'> {
  let context: INestApplicationContext | null = null;
  beforeAll(async () => {
    const config = testConfig();
    const logger = createLogger(config.LOG_LEVEL, 'services');
    context = await NestFactory.createApplicationContext(
      { module: ServicesUnderTest, imports: [PlatformModule.forRoot(config, logger), ...modules] },
      { logger: new PinoNestLogger(logger), abortOnError: false },
    );
    await context.init();
  });
  afterAll(async () => {
    await context?.close();
    context = null;
  });
  const current = (): INestApplicationContext => {
    if (!context) throw new Error('useServices(): the services run from beforeAll to afterAll of the block that called it');
    return context;
  };
  return { get: ((token: Type<unknown>) => current().get(token)) as INestApplicationContext['get'] };
}
