import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/platform';
import { SignedTokens } from './signed-tokens';
import { TokenRevocations } from './token-revocations.service';

/**
 * Access tokens: signed (SignedTokens) and not revoked (TokenRevocations). Every way of
 * verifying a token (GraphQL requests through the Authenticator, the queue dashboard,
 * subscriptions) goes through `verify`, so a revoked token is refused everywhere.
 */
@Injectable()
export class TokenService {
  private readonly signed: SignedTokens;

  constructor(
    config: AppConfig,
    private readonly revocations: TokenRevocations,
  ) {
    this.signed = new SignedTokens(config);
  }

  /** A new token of the person, carrying their current token `version`. */
  sign(personId: string, version: number): string {
    return this.signed.sign(personId, version);
  }

  /** The person id of a well-signed, unexpired and unrevoked token; null otherwise. */
  async verify(token: string): Promise<string | null> {
    const signed = await this.signed.read(token);
    if (!signed) return null;
    return (await this.revocations.isCurrent(signed.personId, signed.version)) ? signed.personId : null;
  }
}
