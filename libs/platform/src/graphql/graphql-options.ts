import { join } from 'node:path';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { Logger } from 'pino';
import type { DataChanges } from '../cache/data-changes.service';
import type { AppConfig } from '../config/app-config';
import { complexityPlugin } from './complexity.plugin';
import { aliasLimitRule, fragmentSpreadLimitRule } from './document-limits.rule';
import { capListFields } from './list-price';
import { mutationRateLimitPlugin } from './mutation-rate-limit.plugin';
import { depthLimitRule } from './depth-limit.rule';
import { formatGraphQLError } from './errors/format-error';
import { requestLoggingPlugin } from './request-logging.plugin';
import type { AudienceRoles } from './response-cache/audience';
import { responseCachePlugin } from './response-cache/response-cache.plugin';
import { unstorableTextPlugin } from './unstorable-text.plugin';
import { variablesDepthPlugin } from './variables-depth.plugin';
import { type Authenticator, createRequestContext, type RequestContext } from './request-context';
import { DateTimeScalar } from './scalars/scalars';

/** The limits every operation passes before it runs, whether it comes over HTTP or WebSocket. */
export interface OperationLimits {
  /**
   * A document of more tokens is refused while parsing: every later step is linear in it, and
   * graphql's rule that fields merge compares same-named fields in pairs.
   */
  parseOptions: ParseOptions;
  /** Extra graphql validation rules. */
  validationRules: ValidationRule[];
  /**
   * Plugins that refuse an operation in didResolveOperation from the request (query, operation
   * name, variables), schema, document, operation and context alone: the WebSocket server calls
   * that hook with nothing else (live/live-operation.ts).
   */
  checks: ApolloServerPlugin<RequestContext>[];
}

/** One definition of the limits, so HTTP and WebSocket (live/live-server.ts) cannot drift apart. */
export function operationLimits(config: AppConfig, logger: Logger): OperationLimits {
  return {
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    validationRules: [
      depthLimitRule(config.GRAPHQL_MAX_DEPTH),
      aliasLimitRule(config.GRAPHQL_MAX_ALIASES),
      fragmentSpreadLimitRule(config.GRAPHQL_MAX_FRAGMENT_SPREADS),
    ],
    // variablesDepthPlugin first: the others walk the variables.
    checks: [variablesDepthPlugin(), complexityPlugin(config.GRAPHQL_MAX_COMPLEXITY, logger), unstorableTextPlugin()],
  };
}

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
  audienceRoles: AudienceRoles | null = null,
): ApolloDriverConfig {
  const limits = operationLimits(config, logger);
  return {
    path: '/graphql',
    autoSchemaFile: config.isProduction ? true : join(process.cwd(), 'schema.gql'),
    sortSchema: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }], numberScalarMode: 'integer' },
    transformSchema: capListFields,
    introspection: config.introspectionEnabled,
    // The offline GraphiQL page of the gateway replaces Apollo's CDN-hosted landing page.
    playground: false,
    graphiql: false,
    includeStacktraceInErrorResponses: false,
    parseOptions: limits.parseOptions,
    // Keep the HTTP status a resolver's error asks for (RateLimitedError: 429): Nest's driver
    // would otherwise reset every answer that ran execution to 200.
    preserveHttpStatusForExecutionErrors: false,
    validationRules: limits.validationRules,
    // Cast: @nestjs/apollo sees @apollo/server's ESM typings, this CommonJS build the CJS ones.
    plugins: [
      ...limits.checks,
      requestLoggingPlugin(config.sqlCountHeader),
      mutationRateLimitPlugin(
        { redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, limit: config.MUTATION_RATE_LIMIT, windowSeconds: 60 },
        logger,
      ),
      responseCachePlugin(
        {
          ttlMs: config.RESPONSE_CACHE_TTL_MS,
          maxEntries: config.RESPONSE_CACHE_MAX_ENTRIES,
          maxBytes: config.RESPONSE_CACHE_MAX_BYTES,
        },
        changes,
        audienceRoles,
      ),
      // No @cacheControl hints are used: without this Apollo wraps every field resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
    ] as unknown as ApolloDriverConfig['plugins'],
    formatError: (formatted, error) => formatGraphQLError(formatted, error, logger),
    context: ({ req, res }: { req: never; res: never }) => createRequestContext(req, res, authenticator),
  };
}
