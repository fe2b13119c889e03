/** A session as given: two instants (stored in UTC whatever offset they were written with). */
export interface SessionTimes {
  startsAt: Date;
  endsAt: Date;
}

export const MAX_SESSIONS = 14;

/**
 * Why the sessions are not acceptable, or null: 1 to 14 of them, each ending after it starts,
 * none overlapping (one may start exactly when another ends). Instants compare the same in
 * every zone, so a session across a daylight-saving change is judged by its real length.
 */
export function sessionsProblem(sessions: SessionTimes[]): string | null {
  if (sessions.length < 1 || sessions.length > MAX_SESSIONS) return `must list 1 to ${MAX_SESSIONS} sessions`;
  for (const s of sessions) {
    if (Number.isNaN(s.startsAt.getTime()) || Number.isNaN(s.endsAt.getTime())) return 'must be valid instants';
    if (s.endsAt.getTime() <= s.startsAt.getTime()) return 'each session must end after it starts';
  }
  const sorted = [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i].startsAt.getTime() < sorted[i - 1].endsAt.getTime()) return 'sessions must not overlap';
  return null;
}
