import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Logger } from 'pino';
import { GraphQLErrorsPassThrough } from './graphql-errors-pass-through.filter';

/** Injection token of the process's pino logger. */
export const PINO_LOGGER = Symbol('PINO_LOGGER');

@Global()
@Module({})
export class LoggingModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: LoggingModule,
      providers: [
        { provide: PINO_LOGGER, useValue: logger },
        { provide: APP_FILTER, useClass: GraphQLErrorsPassThrough },
      ],
      exports: [PINO_LOGGER],
    };
  }
}
