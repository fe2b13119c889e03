import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { type AppConfig, inputValidationPipe, PinoNestLogger, requestLogging } from '@app/platform';
import { withoutFeedSecret } from '@app/reminders';
import { GatewayModule } from './gateway.module';
import { webClientMiddleware } from './web/web-client.middleware';

/**
 * What the web client (and GraphiQL) may load: only this origin. Each allowance beyond 'self':
 * - style-src 'unsafe-inline': Mantine sets CSS variables and positions of popovers and menus in
 *   style attributes, and GraphiQL's editor (Monaco) injects <style> elements; scripts stay strict.
 * - img-src data: and font-src data:: icons and the editor's codicon font are inlined as data: URLs.
 * - worker-src 'self' blob:: GraphiQL's editor runs its language services in web workers.
 * - connect-src 'self': GraphQL over HTTP and over WebSocket (ws:/wss: of the same origin is 'self' in CSP3).
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  workerSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

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
  app.use(helmet({ contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY } }));
  app.useGlobalPipes(inputValidationPipe());
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.enableCors({ origin: config.corsOrigins.length ? config.corsOrigins : false });
  // Which proxies may name the client (X-Forwarded-For): req.ip is what sign-in limits count by.
  app.set('trust proxy', config.trustProxy);
  const webClient = webClientMiddleware(config.WEB_DIST_DIR);
  if (webClient) app.use(webClient);
  else logger.warn({ dir: config.WEB_DIST_DIR }, 'no built web client (run npm run build): serving the API only');
  return app;
}
