import { sessionsProblem } from './sessions';

const at = (iso: string) => new Date(iso);
const session = (start: string, end: string) => ({ startsAt: at(start), endsAt: at(end) });

describe('sessionsProblem', () => {
  it('accepts sessions that touch but do not overlap, in any order', () => {
    expect(
      sessionsProblem([
        session('2016-07-22T07:00:00Z', '2016-07-22T14:00:00Z'),
        session('2016-07-21T15:00:00Z', '2016-07-21T17:00:00Z'),
      ]),
    ).toBeNull();
    expect(
      sessionsProblem([
        session('2016-07-21T15:00:00Z', '2016-07-21T17:00:00Z'),
        session('2016-07-21T17:00:00Z', '2016-07-21T18:00:00Z'),
      ]),
    ).toBeNull();
  });

  it('refuses none, more than 14, empty or inverted sessions, and overlaps', () => {
    expect(sessionsProblem([])).toBe('must list 1 to 14 sessions');
    const days = Array.from({ length: 15 }, (_, i) =>
      session(`2016-08-${String(i + 1).padStart(2, '0')}T09:00:00Z`, `2016-08-${String(i + 1).padStart(2, '0')}T10:00:00Z`),
    );
    expect(sessionsProblem(days)).toBe('must list 1 to 14 sessions');
    expect(sessionsProblem(days.slice(0, 14))).toBeNull();
    expect(sessionsProblem([session('2016-07-21T15:00:00Z', '2016-07-21T15:00:00Z')])).toBe(
      'each session must end after it starts',
    );
    expect(sessionsProblem([session('2016-07-21T15:00:00Z', '2016-07-21T14:00:00Z')])).toBe(
      'each session must end after it starts',
    );
    expect(
      sessionsProblem([
        session('2016-07-21T15:00:00Z', '2016-07-21T17:00:00Z'),
        session('2016-07-21T16:59:00Z', '2016-07-21T18:00:00Z'),
      ]),
    ).toBe('sessions must not overlap');
  });

  it('judges a session across the spring-forward change in Europe/Zurich by its real length', () => {
    // 27 March 2016: 02:00 CET became 03:00 CEST; 01:30 CET to 03:30 CEST is one hour.
    const s = session('2016-03-27T01:30:00+01:00', '2016-03-27T03:30:00+02:00');
    expect(sessionsProblem([s])).toBeNull();
    expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(60 * 60 * 1000);
  });
});
