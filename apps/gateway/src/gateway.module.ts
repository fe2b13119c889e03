import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from 'pino';
import { AppConfig, Authenticator, DataChanges, graphqlOptions, LiveServer, PINO_LOGGER, PlatformModule } from '@app/platform';
import { IdentityModule } from '@app/identity';
import { StructureModule } from '@app/structure';
import { TermsOfReferenceModule } from '@app/terms-of-reference';
import { WorkPlansModule } from '@app/work-plans';
import { RemindersModule } from '@app/reminders';
import { KpisModule } from '@app/kpis';
import { MeetingsModule } from '@app/meetings';
import { DiscussionModule } from '@app/discussion';
import { HealthController } from './health/health.controller';
import { GraphiqlController } from './ide/graphiql.controller';
import { SystemResolver } from './system/system.resolver';

/** The GraphQL gateway: stateless, run as many as needed behind a load balancer. */
@Module({})
export class GatewayModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forRoot(config, logger),
        IdentityModule,
        StructureModule,
        TermsOfReferenceModule,
        WorkPlansModule,
        RemindersModule,
        KpisModule,
        MeetingsModule,
        DiscussionModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [IdentityModule],
          inject: [AppConfig, PINO_LOGGER, DataChanges, { token: Authenticator, optional: true }],
          useFactory: (cfg: AppConfig, log: Logger, changes: DataChanges, authenticator?: Authenticator) =>
            graphqlOptions(cfg, authenticator ?? null, log, changes),
        }),
      ],
      controllers: [HealthController, GraphiqlController],
      // LiveServer: the graphql-ws endpoint for Subscription (libs/platform/src/graphql/live).
      providers: [SystemResolver, LiveServer],
    };
  }
}
