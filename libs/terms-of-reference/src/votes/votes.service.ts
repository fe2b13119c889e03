import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, ForbiddenError, InvalidInputError, isUuid, NotFoundError } from '@app/platform';
import { VotePosition } from '../graphql-enums';
import type { CastVoteInput } from './dto/cast-vote.input';
import { recordHash, type StoredChainRecord, verifyChain } from './hash-chain';
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
      // After the lock, one statement (a fresh snapshot, so it sees the vote committed just
      // before): reads the clock, the state, the electorate and the chain's last record, computes
      // the record's hash (the canonical encoding of hash-chain.ts, in SQL) and appends it. The
      // lock is held for this statement and the commit only (bench: castVote throughput).
      const [s] = (await m.query(
        `WITH s AS (
           SELECT b.id, (b.state = 'OPEN' AND c.at < b.closes_at) AS open, c.at,
                  EXISTS (SELECT 1 FROM ballot_elector e WHERE e.ballot_id = b.id AND e.person_id = $2) AS elector,
                  coalesce(last.seq, 0) + 1 AS seq,
                  coalesce(last.hash, encode(sha256(convert_to('ballot:' || b.id::text, 'UTF8')), 'hex')) AS "prevHash",
                  coalesce((SELECT max(r.revision) FROM vote_record r WHERE r.ballot_id = b.id AND r.voter_id = $2), 0) + 1 AS revision
             FROM ballot b
            CROSS JOIN (SELECT date_trunc('milliseconds', clock_timestamp()) AS at) c
             LEFT JOIN LATERAL (SELECT r.seq, r.hash FROM vote_record r WHERE r.ballot_id = b.id ORDER BY r.seq DESC LIMIT 1) last ON true
            WHERE b.id = $1),
         h AS (
           SELECT s.*, encode(sha256(convert_to(s."prevHash" || E'\\n' || '[' || to_json(s.id::text)::text || ',' || to_json($2::uuid::text)::text
                    || ',' || to_json($3::text)::text || ',' || coalesce(to_json($4::text)::text, 'null')
                    || ',' || to_json(to_char(s.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
                    || ',' || s.revision::text || ']', 'UTF8')), 'hex') AS hash
             FROM s),
         ins AS (
           INSERT INTO vote_record (ballot_id, seq, voter_id, position, comment, cast_at, revision, prev_hash, hash)
           SELECT h.id, h.seq, $2, $3, $4, h.at, h.revision, h."prevHash", h.hash FROM h WHERE h.open AND h.elector
           RETURNING id, ballot_id, revision),
         cur AS (
           INSERT INTO current_vote (ballot_id, voter_id, record_id, position, revision)
           SELECT ins.ballot_id, $2, ins.id, $3, ins.revision FROM ins
           ON CONFLICT (ballot_id, voter_id) DO UPDATE SET record_id = EXCLUDED.record_id, position = EXCLUDED.position, revision = EXCLUDED.revision
           RETURNING 1)
         SELECT h.id AS "ballotId", h.open, h.elector, h.at, h.seq, h.revision, h."prevHash", h.hash,
                (SELECT count(*) FROM ins)::int AS inserted, (SELECT count(*) FROM cur)::int AS upserted
           FROM h`,
        [input.ballotId, voterId, input.position, comment],
      )) as {
        ballotId: string;
        open: boolean;
        elector: boolean;
        at: Date;
        seq: number;
        revision: number;
        prevHash: string;
        hash: string;
        inserted: number;
        upserted: number;
      }[];
      if (!s.elector) throw new ForbiddenError('You are not in the electorate of this ballot');
      if (!s.open) throw new ConflictError('The ballot is not OPEN');
      const record = { ballotId: s.ballotId, voterId, position: input.position, comment, castAt: s.at, revision: s.revision };
      // The chain is verified in Node (hash-chain.ts): a mismatch rolls the vote back.
      if (s.inserted !== 1 || s.upserted !== 1 || recordHash(s.prevHash, record) !== s.hash) {
        throw new Error(`vote record of ballot ${s.ballotId} does not match the hash chain encoding`);
      }
      return { vote: { ...record, seq: s.seq } as VoteModel, receipt: s.hash };
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
