import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, ForbiddenError, InvalidInputError, isUuid, NotFoundError } from '@app/platform';
import { VotePosition } from '../graphql-enums';
import type { CastVoteInput } from './dto/cast-vote.input';
import { genesisHash, recordHash, type StoredChainRecord, verifyChain } from './hash-chain';
import type { VoteModel } from './vote.model';

export interface CastResult {
  vote: VoteModel;
  receipt: string;
}

export interface Verification {
  valid: boolean;
  superseded: boolean;
  position: VotePosition | null;
  castAt: Date | null;
}

/**
 * Casting votes and verifying receipts. Each cast is one transaction that locks the ballot
 * row FOR UPDATE, checks the electorate and the database clock against closesAt, and appends
 * the vote record to the ballot's hash chain: appends are serialised per ballot, so the chain
 * is linear and sequence numbers and revisions have no gaps.
 */
@Injectable()
export class VotesService {
  constructor(private readonly dataSource: DataSource) {}

  async cast(voterId: string, input: CastVoteInput): Promise<CastResult> {
    const comment = input.comment ?? null;
    if (input.position === VotePosition.OBJECT && (!comment || !/\S/.test(comment))) {
      throw InvalidInputError.field('input.comment', 'is required (non-blank) for OBJECT');
    }
    return this.dataSource.transaction(async (m) => {
      const locked = (await m.query(`SELECT id FROM ballot WHERE id = $1 FOR UPDATE`, [input.ballotId])) as unknown[];
      if (!locked.length) throw new NotFoundError('Ballot', input.ballotId);
      // After the lock: the clock is read now, so a vote waiting for a close sees the closed ballot.
      const [s] = (await m.query(
        `SELECT (b.state = 'OPEN' AND c.at < b.closes_at) AS open, c.at,
                EXISTS (SELECT 1 FROM ballot_elector e WHERE e.ballot_id = b.id AND e.person_id = $2) AS elector,
                last.seq AS "lastSeq", last.hash AS "lastHash",
                (SELECT max(r.revision) FROM vote_record r WHERE r.ballot_id = b.id AND r.voter_id = $2) AS "lastRevision"
           FROM ballot b
          CROSS JOIN (SELECT date_trunc('milliseconds', clock_timestamp()) AS at) c
           LEFT JOIN LATERAL (SELECT r.seq, r.hash FROM vote_record r WHERE r.ballot_id = b.id ORDER BY r.seq DESC LIMIT 1) last ON true
          WHERE b.id = $1`,
        [input.ballotId, voterId],
      )) as {
        open: boolean;
        at: Date;
        elector: boolean;
        lastSeq: number | null;
        lastHash: string | null;
        lastRevision: number | null;
      }[];
      if (!s.elector) throw new ForbiddenError('You are not in the electorate of this ballot');
      if (!s.open) throw new ConflictError('The ballot is not OPEN');
      const record = {
        ballotId: input.ballotId,
        voterId,
        position: input.position,
        comment,
        castAt: s.at,
        revision: (s.lastRevision ?? 0) + 1,
      };
      const seq = (s.lastSeq ?? 0) + 1;
      const prevHash = s.lastHash ?? genesisHash(input.ballotId);
      const hash = recordHash(prevHash, record);
      const [inserted] = (await m.query(
        `INSERT INTO vote_record (ballot_id, seq, voter_id, position, comment, cast_at, revision, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [input.ballotId, seq, voterId, record.position, comment, record.castAt, record.revision, prevHash, hash],
      )) as { id: string }[];
      await m.query(
        `INSERT INTO current_vote (ballot_id, voter_id, record_id, position, revision) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (ballot_id, voter_id) DO UPDATE SET record_id = EXCLUDED.record_id, position = EXCLUDED.position, revision = EXCLUDED.revision`,
        [input.ballotId, voterId, inserted.id, record.position, record.revision],
      );
      return { vote: { ...record, seq } as VoteModel, receipt: hash };
    });
  }

  /** Recomputes the ballot's chain; the receipt is valid when it is a record of a chain that verifies up to its head. */
  async verify(ballotId: string, receipt: string, publishedHead: string | null): Promise<Verification> {
    if (!isUuid(ballotId)) throw new NotFoundError('Ballot', ballotId);
    const records = (await this.dataSource.query(
      `SELECT seq, ballot_id AS "ballotId", voter_id AS "voterId", position, comment, cast_at AS "castAt", revision,
              prev_hash AS "prevHash", hash
         FROM vote_record WHERE ballot_id = $1 ORDER BY seq`,
      [ballotId],
    )) as StoredChainRecord[];
    const check = verifyChain(ballotId, records);
    const target = records.find((r) => r.hash === receipt) ?? null;
    const headOk = publishedHead === null || publishedHead === check.head;
    const superseded = !!target && records.some((r) => r.voterId === target.voterId && r.revision > target.revision);
    return {
      valid: check.ok && headOk && !!target,
      superseded,
      position: (target?.position as VotePosition) ?? null,
      castAt: target?.castAt ?? null,
    };
  }
}
