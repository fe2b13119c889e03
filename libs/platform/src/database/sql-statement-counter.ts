import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';

interface Tally {
  count: number;
}

/**
 * Counts the SQL statements TypeORM issues, per request: the gateway opens a scope per
 * HTTP request, and tests and benchmarks read the count to prove there is no N+1.
 * It is TypeORM's logger, so it sees every query, including those of raw `query()` calls.
 */
export class SqlStatementCounter implements TypeOrmLogger {
  static readonly instance = new SqlStatementCounter();
  private readonly storage = new AsyncLocalStorage<Tally>();
  /** Statements issued since the process started. */
  total = 0;

  /** Runs fn with a fresh tally; the returned tally is updated as statements run. */
  scope<T>(fn: () => T): { result: T; tally: Tally } {
    const tally = { count: 0 };
    const result = this.storage.run(tally, fn);
    return { result, tally };
  }

  /** Statements issued so far in the current scope, or undefined outside one. */
  current(): number | undefined {
    return this.storage.getStore()?.count;
  }

  logQuery(query: string): void {
    if (/^\s*(START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(query)) return;
    this.total += 1;
    const tally = this.storage.getStore();
    if (tally) tally.count += 1;
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
