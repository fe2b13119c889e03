import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * Hands errors of GraphQL resolvers back to GraphQL untouched. Without it Nest's
 * ExceptionsHandler logs every one at `error`, refusals included (a wrong password, a NOT_FOUND):
 * the error formatter (formatGraphQLError) decides what each error means and logs it once, at
 * the level it deserves. Errors of plain HTTP routes keep Nest's usual handling.
 */
@Catch()
export class GraphQLErrorsPassThrough extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType<string>() === 'graphql') throw exception;
    super.catch(exception, host);
  }
}
