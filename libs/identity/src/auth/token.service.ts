import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@app/platform';

/** Access tokens: HS256 JWTs signed with JWT_SECRET, `sub` = person id, valid for JWT_EXPIRES_IN. */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(config: AppConfig) {
    this.jwt = new JwtService({
      // A KeyObject, not a string: jsonwebtoken otherwise tries the secret as a public key
      // first and throws on every verification (6% of the gateway's CPU in bench/run).
      secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')) as unknown as string,
      signOptions: { algorithm: 'HS256', expiresIn: config.JWT_EXPIRES_IN as `${number}h` },
      verifyOptions: { algorithms: ['HS256'] },
    });
  }

  sign(personId: string): string {
    return this.jwt.sign({ sub: personId });
  }

  /** The person id of a valid, unexpired token; null otherwise. */
  async verify(token: string): Promise<string | null> {
    try {
      const payload = await this.jwt.verifyAsync<{ sub?: unknown }>(token);
      return typeof payload.sub === 'string' ? payload.sub : null;
    } catch {
      return null;
    }
  }
}
