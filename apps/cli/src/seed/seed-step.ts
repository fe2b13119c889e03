import type { EntityManager } from 'typeorm';
import type { AppConfig } from '@app/platform';

export interface SeedContext {
  config: AppConfig;
  /** argon2 hash of DEMO_PASSWORD, computed once per seed run. */
  passwordHash: string;
}

/**
 * One step of the demo seed. Steps run in order in ONE transaction and must be idempotent:
 * insert with ON CONFLICT DO NOTHING and look rows up by natural keys (slug, e-mail, code).
 */
export interface SeedStep {
  name: string;
  run(m: EntityManager, ctx: SeedContext): Promise<void>;
}
