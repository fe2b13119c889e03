import * as encoding from '../../../../tools/verify-ballot.mjs';

/**
 * The receipt chain of a ballot: each vote record's hash covers the previous record's hash and
 * a canonical encoding of the record (a JSON array in a fixed order). Pure: no Nest, no database.
 *
 * The functions are those of tools/verify-ballot.mjs, the dependency-free verifier members run
 * on an exported ballot: one implementation of the encoding in Node, shared with the bench.
 * PostgreSQL computes the same encoding in vote_record_hash() (libs/platform/src/database/functions.ts); the
 * vote-integrity tests prove both agree on every kind of comment.
 */
export interface ChainRecord {
  ballotId: string;
  voterId: string;
  position: string;
  comment: string | null;
  castAt: Date;
  revision: number;
}

export interface StoredChainRecord extends ChainRecord {
  seq: number;
  prevHash: string;
  hash: string;
}

export interface ChainCheck {
  /** Whether every record links to its predecessor and its hash matches its content. */
  ok: boolean;
  /** The hash of the last good record (or the genesis hash when empty), as recomputed. */
  head: string;
  /** Sequence number of the first broken record, if any. */
  brokenAtSeq: number | null;
  /** What is wrong with that record. */
  problem: string | null;
}

export interface ChainTally {
  approve: number;
  object: number;
  abstain: number;
  notVoted: number;
}

export const sha256Hex: (text: string) => string = encoding.sha256Hex;

/** The hash before the first record of a ballot. */
export const genesisHash: (ballotId: string) => string = encoding.genesisHash;

/** Canonical encoding: a fixed-order array; the cast time in UTC ISO-8601 with milliseconds. */
export const canonicalRecord: (record: ChainRecord) => string = encoding.canonicalRecord;

export const recordHash: (prevHash: string, record: ChainRecord) => string = encoding.recordHash;

/** Recomputes the chain from the genesis; records must be in sequence order. */
export const verifyChain: (ballotId: string, records: StoredChainRecord[]) => ChainCheck = encoding.verifyChain;

/** The tally from each elector's latest record (records in sequence order). */
export const tallyFromChain: (records: { voterId: string; position: string }[], electorateSize: number) => ChainTally =
  encoding.tallyFromChain;
