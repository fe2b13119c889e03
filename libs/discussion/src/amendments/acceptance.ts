/**
 * Whether a set of amendments can be taken into one new version of a document. Pure.
 */
export interface AcceptanceCandidate {
  id: string;
  status: string;
  paragraph: number;
  baseVersionId: string;
}

/** Why the amendments cannot be accepted together into the version after `currentVersionId`, or null. */
export function acceptanceProblem(amendments: readonly AcceptanceCandidate[], currentVersionId: string): string | null {
  const notProposed = amendments.find((a) => a.status !== 'PROPOSED');
  if (notProposed) return `Amendment ${notProposed.id} is ${notProposed.status}, not PROPOSED`;
  const older = amendments.find((a) => a.baseVersionId !== currentVersionId);
  if (older) return `Amendment ${older.id} was proposed against an older version`;
  const seen = new Map<number, string>();
  for (const a of amendments) {
    const other = seen.get(a.paragraph);
    if (other) return `Amendments ${other} and ${a.id} both change paragraph ${a.paragraph}`;
    seen.set(a.paragraph, a.id);
  }
  return null;
}
