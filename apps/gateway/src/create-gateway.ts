import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { type AppConfig, inputValidationPipe, PinoNestLogger, requestLogging } from '@app/platform';
import { withoutFeedSecret } from '@app/reminders';
import { GatewayModule } from './gateway.module';

/**
 * Builds the gateway application (not yet listening): used by main.ts and by the e2e tests,
 * so tests exercise exactly what production runs.
 */
export async function createGateway(config: AppConfig, logger: Logger): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
    abortOnError: false,
  });
  app.use(requestLogging(logger, withoutFeedSecret));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
        },
      },
    }),
  );
  app.useGlobalPipes(inputValidationPipe());
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.enableCors({ origin: config.corsOrigins.length ? config.corsOrigins : false });
  app.set('trust proxy', 'loopback');
  return app;
}
