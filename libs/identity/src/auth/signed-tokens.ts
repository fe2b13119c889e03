import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { type AppConfig, setBounded } from '@app/platform';

/** How many verified tokens are remembered (the least recently verified go first). */
const VERIFIED_TOKENS_KEPT = 10_000;

/** What a well-signed, unexpired token says: whose it is, and the token version it was signed with. */
export interface SignedToken {
  personId: string;
  version: number;
}

/**
 * The signature side of access tokens: HS256 JWTs signed with JWT_SECRET, `sub` = person id,
 * `ver` = the person's token version when signed (absent counts as 0), valid for
 * JWT_EXPIRES_IN. Whether that version is still current is TokenService's business.
 */
export class SignedTokens {
  private readonly jwt: JwtService;

  constructor(config: Pick<AppConfig, 'JWT_SECRET' | 'JWT_EXPIRES_IN'>) {
    this.jwt = new JwtService({
      // A KeyObject, not a string: jsonwebtoken otherwise tries the secret as a public key
      // first and throws on every verification (6% of the gateway's CPU in bench/run).
      secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')) as unknown as string,
      signOptions: { algorithm: 'HS256', expiresIn: config.JWT_EXPIRES_IN as `${number}h` },
      verifyOptions: { algorithms: ['HS256'] },
    });
  }

  sign(personId: string, version: number): string {
    return this.jwt.sign({ sub: personId, ver: version });
  }

  /**
   * Tokens verified recently: a client sends the same token with every request, and checking
   * the signature again each time cost ~0.13 ms of gateway CPU per request in bench/run. Only
   * well-signed tokens are kept, and only until they expire.
   */
  private readonly verified = new Map<string, SignedToken & { expiresAtMs: number }>();

  /** What a well-signed, unexpired token says; null for any other token. */
  async read(token: string): Promise<SignedToken | null> {
    const known = this.verified.get(token);
    if (known && known.expiresAtMs > Date.now()) return { personId: known.personId, version: known.version };
    if (known) this.verified.delete(token);
    try {
      const payload = await this.jwt.verifyAsync<{ sub?: unknown; ver?: unknown; exp?: unknown }>(token);
      const version = payload.ver ?? 0;
      if (typeof payload.sub !== 'string' || typeof version !== 'number' || !Number.isInteger(version)) return null;
      const signed = { personId: payload.sub, version };
      if (typeof payload.exp === 'number')
        setBounded(this.verified, token, { ...signed, expiresAtMs: payload.exp * 1000 }, VERIFIED_TOKENS_KEPT);
      return signed;
    } catch {
      return null;
    }
  }
}
