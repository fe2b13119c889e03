import { createHash } from 'node:crypto';

/**
 * The receipt chain of a ballot: each vote record's hash covers the previous record's hash and
 * a canonical encoding of the record (a JSON array in a fixed order). Pure: no Nest, no database.
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

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash before the first record of a ballot. */
export function genesisHash(ballotId: string): string {
  return sha256Hex(`ballot:${ballotId}`);
}

/** Canonical encoding: a fixed-order array; the cast time in UTC ISO-8601 with milliseconds. */
export function canonicalRecord(record: ChainRecord): string {
  return JSON.stringify([
    record.ballotId,
    record.voterId,
    record.position,
    record.comment ?? null,
    record.castAt.toISOString(),
    record.revision,
  ]);
}

export function recordHash(prevHash: string, record: ChainRecord): string {
  return sha256Hex(`${prevHash}\n${canonicalRecord(record)}`);
}

export interface ChainCheck {
  /** Whether every record links to its predecessor and its hash matches its content. */
  ok: boolean;
  /** The hash of the last record (or the genesis hash when empty), as recomputed. */
  head: string;
  /** Sequence number of the first broken record, if any. */
  brokenAtSeq: number | null;
}

/** Recomputes the chain from the genesis; records must be in sequence order. */
export function verifyChain(ballotId: string, records: StoredChainRecord[]): ChainCheck {
  let prev = genesisHash(ballotId);
  for (const [index, record] of records.entries()) {
    const expected = recordHash(prev, record);
    if (record.seq !== index + 1 || record.ballotId !== ballotId || record.prevHash !== prev || record.hash !== expected) {
      return { ok: false, head: prev, brokenAtSeq: record.seq };
    }
    prev = expected;
  }
  return { ok: true, head: prev, brokenAtSeq: null };
}
