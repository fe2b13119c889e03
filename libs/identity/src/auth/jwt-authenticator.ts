import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Authenticator, type Caller, isUuid } from '@app/platform';
import { TokenService } from './token.service';

/** Reads `Authorization: Bearer <jwt>`; missing, invalid or expired tokens give no caller. */
@Injectable()
export class JwtAuthenticator extends Authenticator {
  constructor(private readonly tokens: TokenService) {
    super();
  }

  async authenticate(req: Request): Promise<Caller | null> {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
    if (!match) return null;
    const personId = await this.tokens.verify(match[1]);
    return personId && isUuid(personId) ? { personId } : null;
  }
}
