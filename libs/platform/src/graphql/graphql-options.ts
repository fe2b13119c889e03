import { join } from 'node:path';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { DataChanges } from '../cache/data-changes.service';
import type { AppConfig } from '../config/app-config';
import { aliasLimitRule } from './alias-limit.rule';
import { complexityPlugin } from './complexity.plugin';
import { mutationRateLimitPlugin } from './mutation-rate-limit.plugin';
import { depthLimitRule } from './depth-limit.rule';
import { formatGraphQLError } from './errors/format-error';
import { requestLoggingPlugin } from './request-logging.plugin';
import { responseCachePlugin } from './response-cache/response-cache.plugin';
import { unstorableTextPlugin } from './unstorable-text.plugin';
import { type Authenticator, createRequestContext } from './request-context';
import { DateTimeScalar } from './scalars/scalars';

/**
 * The gateway's Apollo configuration (code-first). Outside production the emitted schema is
 * written to schema.gql at the repository root, which is committed and compared with the
 * public contract by test/e2e/contract.e2e-spec.ts.
 */
export function graphqlOptions(
  config: AppConfig,
  authenticator: Authenticator | null,
  logger: Logger,
  changes: DataChanges,
): ApolloDriverConfig {
  let schema: GraphQLSchema | undefined;
  return {
    path: '/graphql',
    autoSchemaFile: config.isProduction ? true : join(process.cwd(), 'schema.gql'),
    sortSchema: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }], numberScalarMode: 'integer' },
    transformSchema: (built) => {
      schema = built;
      return built;
    },
    introspection: config.introspectionEnabled,
    // The offline GraphiQL page of the gateway replaces Apollo's CDN-hosted landing page.
    playground: false,
    graphiql: false,
    includeStacktraceInErrorResponses: false,
    // Keep the HTTP status a resolver's error asks for (RateLimitedError: 429): Nest's driver
    // would otherwise reset every answer that ran execution to 200.
    preserveHttpStatusForExecutionErrors: false,
    validationRules: [depthLimitRule(config.GRAPHQL_MAX_DEPTH), aliasLimitRule(config.GRAPHQL_MAX_ALIASES)],
    // Cast: @nestjs/apollo sees @apollo/server's ESM typings, this CommonJS build the CJS ones.
    plugins: [
      complexityPlugin(() => schema as GraphQLSchema, config.GRAPHQL_MAX_COMPLEXITY),
      requestLoggingPlugin(config.sqlCountHeader),
      unstorableTextPlugin(),
      mutationRateLimitPlugin(
        { redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, limit: config.MUTATION_RATE_LIMIT, windowSeconds: 60 },
        logger,
      ),
      responseCachePlugin({ ttlMs: config.RESPONSE_CACHE_TTL_MS, maxEntries: config.RESPONSE_CACHE_MAX_ENTRIES }, changes),
      // No @cacheControl hints are used: without this Apollo wraps every field resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
    ] as unknown as ApolloDriverConfig['plugins'],
    formatError: (formatted, error) => formatGraphQLError(formatted, error, logger),
    context: ({ req, res }: { req: never; res: never }) => createRequestContext(req, res, authenticator),
  };
}
