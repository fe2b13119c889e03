import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, updated } from '@app/platform';

/** invitation: one-time links to an initiative; only the sha256 of each token is stored. */
@Injectable()
export class InvitationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores an invitation valid for `days`; returns its id. */
  async insert(
    invitation: { personId: string; initiativeId: string; tokenHash: string; days: number },
    db: Queryable = this.dataSource,
  ): Promise<string> {
    const row = await one<{ id: string }>(
      db,
      `INSERT INTO invitation (person_id, initiative_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(days => $4)) RETURNING id`,
      [invitation.personId, invitation.initiativeId, invitation.tokenHash, invitation.days],
    );
    return row!.id;
  }

  /** Marks every open invitation of the person used; returns their token hashes. */
  async consumeOpen(personId: string, db: Queryable = this.dataSource): Promise<string[]> {
    const consumed = await updated<{ tokenHash: string }>(
      db,
      `UPDATE invitation SET used_at = now() WHERE person_id = $1 AND used_at IS NULL AND expires_at > now() RETURNING token_hash AS "tokenHash"`,
      [personId],
    );
    return consumed.map((i) => i.tokenHash);
  }

  /** Deletes the person's unused invitations to the initiative. */
  async withdraw(initiativeId: string, personId: string, db: Queryable = this.dataSource): Promise<void> {
    await updated(db, `DELETE FROM invitation WHERE initiative_id = $1 AND person_id = $2 AND used_at IS NULL`, [
      initiativeId,
      personId,
    ]);
  }
}
