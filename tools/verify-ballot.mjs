#!/usr/bin/env node
// verify-ballot: checks a ballot's vote hash chain and tally without trusting the server that
// exported them, only the chain head it published (docs/VERIFYING.md).
//   node tools/verify-ballot.mjs ballot.json            (or: ... | node tools/verify-ballot.mjs -)
//   node tools/verify-ballot.mjs ballot.json --head <chain head published elsewhere>
// Input: the JSON answer of `ballot(id) { id status electorateSize votesCast chainHead tally {...} audit {...} }`
// (the whole GraphQL response, `{ "ballot": ... }` or the ballot itself). Prints one line per
// check and OK, or FAILED naming the first bad record; exit 0 when every check holds, 1 when one
// fails, 2 when the input cannot be read.
//
// Dependency-free on purpose (Node's crypto only), so a member can run it from this one file.
// It is also the one implementation of the record encoding in Node: the ballots library
// (libs/terms-of-reference/src/votes/hash-chain.ts) and the bench (bench/lib/common.mjs)
// import it; PostgreSQL's cast_vote() computes the same encoding in SQL (vote_record_hash()).
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * @typedef {object} ChainRecord
 * @property {string} ballotId
 * @property {string} voterId
 * @property {string} position APPROVE, OBJECT or ABSTAIN
 * @property {string | null} comment
 * @property {Date} castAt
 * @property {number} revision
 */

/**
 * @typedef {ChainRecord & { seq: number, prevHash: string, hash: string }} StoredChainRecord
 */

/**
 * @typedef {object} ChainCheck
 * @property {boolean} ok every record links to its predecessor and its hash matches its content
 * @property {string} head the hash of the last good record (the genesis hash when none)
 * @property {number | null} brokenAtSeq sequence number of the first bad record
 * @property {string | null} problem what is wrong with that record
 */

/**
 * @typedef {object} ChainTally
 * @property {number} approve
 * @property {number} object
 * @property {number} abstain
 * @property {number} notVoted
 */

/** @param {string} text */
export const sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The hash before the first record of a ballot.
 * @param {string} ballotId
 */
export function genesisHash(ballotId) {
  return sha256Hex(`ballot:${ballotId}`);
}

/**
 * Canonical encoding: a fixed-order JSON array; the cast time in UTC ISO-8601 with milliseconds.
 * @param {ChainRecord} record
 */
export function canonicalRecord(record) {
  return JSON.stringify([
    record.ballotId,
    record.voterId,
    record.position,
    record.comment ?? null,
    record.castAt.toISOString(),
    record.revision,
  ]);
}

/**
 * @param {string} prevHash
 * @param {ChainRecord} record
 */
export function recordHash(prevHash, record) {
  return sha256Hex(`${prevHash}\n${canonicalRecord(record)}`);
}

/**
 * Recomputes the chain from the genesis; records must be in sequence order.
 * @param {string} ballotId
 * @param {StoredChainRecord[]} records
 * @returns {ChainCheck}
 */
export function verifyChain(ballotId, records) {
  let prev = genesisHash(ballotId);
  for (const [index, record] of records.entries()) {
    const problem =
      record.seq !== index + 1
        ? `it is not record ${index + 1} of the chain (a record is missing, added or out of order)`
        : record.ballotId !== ballotId
          ? 'it belongs to another ballot'
          : record.prevHash !== prev
            ? 'its prevHash is not the hash of the record before it'
            : record.hash !== recordHash(prev, record)
              ? 'its hash does not match its content (voter, position, comment, castAt or revision)'
              : null;
    if (problem) return { ok: false, head: prev, brokenAtSeq: record.seq, problem };
    prev = record.hash;
  }
  return { ok: true, head: prev, brokenAtSeq: null, problem: null };
}

/**
 * The tally from each elector's latest record in the chain (records in sequence order).
 * @param {{ voterId: string, position: string }[]} records
 * @param {number} electorateSize
 * @returns {ChainTally}
 */
export function tallyFromChain(records, electorateSize) {
  /** @type {Map<string, string>} */
  const latest = new Map();
  for (const record of records) latest.set(record.voterId, record.position);
  const tally = { approve: 0, object: 0, abstain: 0, notVoted: Math.max(0, electorateSize - latest.size) };
  for (const position of latest.values()) {
    if (position === 'APPROVE') tally.approve++;
    else if (position === 'OBJECT') tally.object++;
    else if (position === 'ABSTAIN') tally.abstain++;
  }
  return tally;
}

/**
 * @typedef {object} ExportCheck
 * @property {boolean} ok
 * @property {string} text
 */

/**
 * @typedef {object} ExportVerification
 * @property {string} ballotId
 * @property {boolean} ok
 * @property {ExportCheck[]} checks
 * @property {number | null} firstBadSeq
 */

const HEX64 = /^[0-9a-f]{64}$/;
const POSITIONS = ['APPROVE', 'OBJECT', 'ABSTAIN'];

/** The ballot object of a GraphQL answer, of `{ ballot }` or the ballot itself. */
function ballotOf(/** @type {any} */ input) {
  const ballot = input?.data?.ballot ?? input?.ballot ?? input;
  if (!ballot || typeof ballot !== 'object' || typeof ballot.id !== 'string') {
    throw new Error('no ballot with an id in the input (expected the answer of `ballot(id) { id ... audit { ... } }`)');
  }
  if (!ballot.audit || !Array.isArray(ballot.audit.records)) {
    throw new Error('the ballot has no audit.records (ask for `audit { genesisHash head records { ... } ... }`)');
  }
  return ballot;
}

/** A record as exported, in the library's shape; null when a field has the wrong type. */
function chainRecordOf(/** @type {string} */ ballotId, /** @type {any} */ r) {
  const castAt = new Date(r?.castAt);
  const wellFormed =
    Number.isInteger(r?.seq) &&
    typeof r.voterId === 'string' &&
    POSITIONS.includes(r.position) &&
    (r.comment === null || r.comment === undefined || typeof r.comment === 'string') &&
    typeof r.castAt === 'string' &&
    !Number.isNaN(castAt.getTime()) &&
    Number.isInteger(r.revision) &&
    typeof r.prevHash === 'string' &&
    typeof r.hash === 'string';
  if (!wellFormed) return null;
  return {
    ballotId,
    seq: r.seq,
    voterId: r.voterId,
    position: r.position,
    comment: r.comment ?? null,
    castAt,
    revision: r.revision,
    prevHash: r.prevHash,
    hash: r.hash,
  };
}

const sameCounts = (/** @type {any} */ a, /** @type {any} */ b) =>
  !!a && !!b && a.approve === b.approve && a.object === b.object && a.abstain === b.abstain;
const counts = (/** @type {any} */ t) => (t ? `${t.approve}/${t.object}/${t.abstain}` : 'missing');

/**
 * Verifies an exported ballot: its chain from the genesis, each voter's revisions, the head
 * against the published one, and the tally against the chain.
 * @param {unknown} input the parsed JSON
 * @param {{ publishedHead?: string | null }} [options] a head published elsewhere (else the export's chainHead)
 * @returns {ExportVerification}
 */
export function verifyBallotExport(input, options = {}) {
  const ballot = ballotOf(input);
  const { audit } = ballot;
  /** @type {ExportCheck[]} */
  const checks = [];
  const check = (/** @type {boolean} */ ok, /** @type {string} */ text) => checks.push({ ok, text });

  const genesis = genesisHash(ballot.id);
  check(audit.genesisHash === genesis, `genesis hash is sha256("ballot:" + ${ballot.id})`);

  /** @type {StoredChainRecord[]} */
  const records = [];
  let malformedSeq = null;
  for (const [index, raw] of audit.records.entries()) {
    const record = chainRecordOf(ballot.id, raw);
    if (!record) {
      malformedSeq = Number.isInteger(raw?.seq) ? raw.seq : index + 1;
      break;
    }
    records.push(record);
  }
  const chain = verifyChain(ballot.id, records);
  let firstBadSeq = chain.brokenAtSeq ?? malformedSeq;
  if (!chain.ok) check(false, `record seq ${chain.brokenAtSeq}: ${chain.problem}`);
  else if (malformedSeq !== null) check(false, `record seq ${malformedSeq}: a field is missing or has the wrong type`);
  else check(true, `${records.length} records link from the genesis hash, each hash matches its content`);

  /** @type {Map<string, number>} */
  const revisions = new Map();
  const outOfTurn = records.find((r) => {
    const expected = (revisions.get(r.voterId) ?? 0) + 1;
    revisions.set(r.voterId, r.revision);
    return r.revision !== expected;
  });
  if (outOfTurn) {
    check(false, `record seq ${outOfTurn.seq}: revision ${outOfTurn.revision} of its voter breaks the sequence 1, 2, 3, ...`);
    firstBadSeq ??= outOfTurn.seq;
  } else check(true, "each voter's revisions count 1, 2, 3, ... in chain order");

  const head = chain.ok && malformedSeq === null ? chain.head : null;
  check(head !== null && audit.head === head, `audit.head is the hash of the last record (${audit.head})`);
  const published = options.publishedHead ?? ballot.chainHead ?? null;
  if (published === null) {
    check(false, 'no published head to check against: chainHead is null (ballot not CLOSED) and no --head was given');
  } else {
    check(HEX64.test(published) && head === published, `the chain ends at the published head ${published}`);
  }

  const electorateSize = Number.isInteger(ballot.electorateSize) ? ballot.electorateSize : null;
  const tally = tallyFromChain(records, electorateSize ?? 0);
  const voters = new Set(records.map((r) => r.voterId)).size;
  check(
    sameCounts(ballot.tally, tally),
    `tally ${counts(ballot.tally)} (approve/object/abstain) equals the chain's latest record per voter: ${counts(tally)}`,
  );
  if (electorateSize !== null) {
    check(
      ballot.tally?.notVoted === tally.notVoted,
      `notVoted ${ballot.tally?.notVoted} equals electorateSize ${electorateSize} minus ${voters} voters`,
    );
  }
  if (ballot.votesCast !== undefined)
    check(ballot.votesCast === voters, `votesCast ${ballot.votesCast} equals the ${voters} voters of the chain`);
  check(
    sameCounts(audit.tallyFromChain, tally) && (electorateSize === null || audit.tallyFromChain?.notVoted === tally.notVoted),
    `the server's tallyFromChain ${counts(audit.tallyFromChain)} equals the recomputed one`,
  );
  check(audit.consistent === true, `the server reports the ballot consistent (audit.consistent = ${audit.consistent})`);

  return { ballotId: ballot.id, ok: checks.every((c) => c.ok), checks, firstBadSeq };
}

function readInput(/** @type {string | undefined} */ path) {
  return readFileSync(path === undefined || path === '-' ? 0 : path, 'utf8');
}

function main(/** @type {string[]} */ args) {
  const headAt = args.indexOf('--head');
  const publishedHead = headAt >= 0 ? args[headAt + 1] : undefined;
  const files = headAt < 0 ? args : args.filter((_, i) => i !== headAt && i !== headAt + 1);
  if (args.includes('--help') || files.length > 1 || (headAt >= 0 && !publishedHead)) {
    process.stderr.write('usage: node tools/verify-ballot.mjs [ballot.json | -] [--head <published chain head>]\n');
    return 2;
  }
  let result;
  try {
    result = verifyBallotExport(JSON.parse(readInput(files[0])), { publishedHead });
  } catch (error) {
    process.stderr.write(`verify-ballot: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const lines = [`ballot ${result.ballotId}`, ...result.checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.text}`)];
  if (result.ok) lines.push('OK');
  else if (result.firstBadSeq !== null) lines.push(`FAILED: first bad record: seq ${result.firstBadSeq}`);
  else lines.push('FAILED');
  process.stdout.write(`${lines.join('\n')}\n`);
  return result.ok ? 0 : 1;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
