import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult, type GraphQLError } from 'graphql';
import { SqlStatementCounter } from '../../database/sql-statement-counter';
import type { RequestContext } from '../request-context';
import { codeOf, OperationRefused } from './live-errors';

/** What a subscription's event loop asks of its connection. */
export interface LiveEventHooks {
  /**
   * The context one event is resolved in: the subscriber's caller with fresh DataLoaders, so
   * nothing read for an earlier event is reused. null when the token is no longer valid (the
   * connection is being closed): the subscription ends.
   */
  contextForEvent(): Promise<RequestContext | null>;
  /** An event was resolved with this many SQL statements. */
  delivered(sqlStatements: number): void;
}

/** Codes that, at the root of an event, mean the subscriber may no longer see the subject. */
const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);

function rootRefusal(result: ExecutionResult): GraphQLError | undefined {
  return result.errors?.find((e) => e.path?.length === 1 && REFUSALS.has(codeOf(e) ?? ''));
}

/**
 * The events of one subscription, each executed as graphql's subscribe() would (the event is the
 * root value) but in a context of its own: the token is checked first, the loaders are fresh, and
 * its SQL statements are counted. An event whose root field is refused (the subscriber left the
 * initiative) ends the subscription with that error instead of delivering it.
 */
class LiveEvents implements AsyncIterableIterator<ExecutionResult> {
  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly args: ExecutionArgs,
    private readonly hooks: LiveEventHooks,
  ) {}

  async next(): Promise<IteratorResult<ExecutionResult>> {
    const event = await this.source.next();
    if (event.done) return { value: undefined, done: true };
    const contextValue = await this.hooks.contextForEvent();
    if (!contextValue) return this.return();
    const { result, tally } = SqlStatementCounter.instance.scope(() =>
      execute({ ...this.args, rootValue: event.value, contextValue }),
    );
    const value = await result;
    this.hooks.delivered(tally.count);
    const refusal = rootRefusal(value);
    if (refusal) {
      await this.return();
      throw refusal.originalError ?? refusal;
    }
    return { value, done: false };
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    await this.source.return?.();
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** A subscription refused before its first event: its iterator fails at once. */
class RefusedSubscription implements AsyncIterableIterator<ExecutionResult> {
  constructor(private readonly refusal: OperationRefused) {}

  next(): Promise<IteratorResult<ExecutionResult>> {
    return Promise.reject(this.refusal);
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** Whether subscribe() started a subscription (rather than refusing it). */
export const isLiveSubscription = (value: unknown): boolean => value instanceof LiveEvents;

/**
 * graphql-ws's `subscribe`: the subscription field's resolver runs (authorising the caller and
 * registering with its feed) and its events are executed by LiveEvents. A refusal (NOT_FOUND for
 * a ballot the caller may not see, bad variables) becomes one graphql-ws `error` message.
 */
export async function liveSubscribe(args: ExecutionArgs, hooks: LiveEventHooks): Promise<AsyncIterableIterator<ExecutionResult>> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return new RefusedSubscription(new OperationRefused(source.errors ?? []));
  return new LiveEvents(source[Symbol.asyncIterator](), args, hooks);
}
