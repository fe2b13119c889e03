import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig, DataChanges } from '@app/platform';
import { TokenRevocationsRepository } from './token-revocations.repository';

const SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** JWT_EXPIRES_IN (`30m`, `12h`, `7d`) in seconds. */
export function tokenLifetimeSeconds(expiresIn: string): number {
  const match = /^(\d+)([smhd])$/.exec(expiresIn);
  if (!match) throw new Error(`Not a token lifetime: ${expiresIn}`);
  return Number(match[1]) * SECONDS[match[2] as keyof typeof SECONDS];
}

/** Clocks of gateways and PostgreSQL may differ a little: keep revocations that much longer. */
const CLOCK_MARGIN_SECONDS = 300;

/**
 * The version of each person's access tokens (table token_revocation): changeMyPassword and
 * signOutEverywhere raise it, and a token signed with an older version is refused.
 *
 * Every request checks its token, so the check must cost no SQL: each process keeps in memory
 * the people whose tokens were revoked within the token lifetime (older revocations only
 * concern tokens that have expired anyway), reloaded from PostgreSQL whenever a change notice
 * of token_revocation arrives (DataChanges), from whichever gateway, worker or psql. The reload
 * starts when the notice arrives, outside any request, and a request waits for it, so a revoked
 * token fails on the next request after the notice. The gateway that revoked does not wait for
 * the notice: it reloads at once (`reload()`). While notices are not heard, each check asks
 * PostgreSQL.
 */
@Injectable()
export class TokenRevocations {
  private readonly keptSeconds: number;
  private live = false;
  /** The revoked versions as last loaded, for the current state of the notices. */
  private revoked: Promise<Map<string, number>> | null = null;

  constructor(
    private readonly revocations: TokenRevocationsRepository,
    config: AppConfig,
    changes: DataChanges,
  ) {
    this.keptSeconds = tokenLifetimeSeconds(config.JWT_EXPIRES_IN) + CLOCK_MARGIN_SECONDS;
    changes.subscribe({
      changed: (table) => table === 'token_revocation' && this.reload(),
      setLive: (live) => {
        this.live = live;
        this.reload();
      },
    });
  }

  /** Whether a token of `personId` signed with `version` may still be used. */
  async isCurrent(personId: string, version: number): Promise<boolean> {
    return version >= (await this.currentVersion(personId));
  }

  /** The version that the person's tokens must have at least (0: never revoked recently). */
  async currentVersion(personId: string): Promise<number> {
    if (this.live) return (await (this.revoked ?? this.reload())).get(personId) ?? 0;
    return (await this.revocations.recentVersion(personId, this.keptSeconds)) ?? 0;
  }

  /**
   * Raises the person's token version in the caller's transaction: every token signed before
   * stops working once it commits (call `reload()` then). Returns the new version.
   */
  revoke(m: EntityManager, personId: string): Promise<number> {
    return this.revocations.raise(personId, m);
  }

  /** Forgets what is known and loads it afresh (after a notice, or a revocation committed here). */
  reload(): Promise<Map<string, number>> {
    if (!this.live) {
      this.revoked = null;
      return Promise.resolve(new Map());
    }
    const loading = this.revocations.recent(this.keptSeconds).then((rows) => new Map(rows.map((r) => [r.personId, r.version])));
    // A failed load is not kept: the next check tries again.
    loading.catch(() => {
      if (this.revoked === loading) this.revoked = null;
    });
    this.revoked = loading;
    return loading;
  }
}
