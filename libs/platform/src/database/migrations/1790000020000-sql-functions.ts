import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SQL_FUNCTIONS } from '../functions';

/**
 * Applies every SQL function from functions.ts, the one place their current bodies live. It
 * replaces each in place (same signatures), so the triggers that call them keep working.
 */
export class SqlFunctions1790000020000 implements MigrationInterface {
  name = 'SqlFunctions1790000020000';

  async up(q: QueryRunner): Promise<void> {
    for (const fn of SQL_FUNCTIONS) await q.query(fn.sql);
  }

  /** The bodies it applied are the ones the earlier migrations created: nothing to undo. */
  async down(): Promise<void> {}
}
