/**
 * VTIMEZONE components (RFC 5545 3.6.5) from the runtime's own time-zone data (Intl), so that an
 * invitation's times written in the meeting's zone (`DTSTART;TZID=Europe/Zurich:...`) mean the same
 * instants in Outlook, Google Calendar and Apple Calendar, whatever zone database they carry. The
 * offsets are read for every day from January of the year before the first event to the end of the
 * last event's year; each change is found to the minute. When the changes follow one yearly rule
 * per direction (as in most zones: "last Sunday of March"), they are written as RRULEs, which every
 * client reads; otherwise each change is an observance of its own. A zone without changes in that
 * span is one STANDARD observance.
 */

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const nameFormatters = new Map<string, Intl.DateTimeFormat>();
const wallFormatters = new Map<string, Intl.DateTimeFormat>();

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

function cached(map: Map<string, Intl.DateTimeFormat>, timeZone: string, make: () => Intl.DateTimeFormat) {
  let f = map.get(timeZone);
  if (!f) map.set(timeZone, (f = make()));
  return f;
}

/** The zone's offset from UTC at an instant, in minutes (east positive). */
export function offsetMinutes(timeZone: string, at: Date): number {
  const f = cached(offsetFormatters, timeZone, () => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }));
  const name = f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

function zoneName(timeZone: string, at: Date): string {
  const f = cached(nameFormatters, timeZone, () => new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }));
  return f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** The wall-clock time in the zone at an instant, as an iCalendar local DATE-TIME (20160721T170000). */
export function wallTime(timeZone: string, at: Date): string {
  const f = cached(
    wallFormatters,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      }),
  );
  const get = (type: string) => f.formatToParts(at).find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}${get('month')}${get('day')}T${get('hour')}${get('minute')}${get('second')}`;
}

/** "+0200", "-0500", "+0530". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

interface Transition {
  at: Date;
  from: number;
  to: number;
}

/** Every change of offset in [from, to), each to the minute. */
export function transitions(timeZone: string, from: Date, to: Date): Transition[] {
  const found: Transition[] = [];
  let before = offsetMinutes(timeZone, from);
  for (let t = from.getTime(); t < to.getTime(); t += DAY) {
    const next = Math.min(t + DAY, to.getTime());
    const after = offsetMinutes(timeZone, new Date(next));
    if (after === before) continue;
    let lo = t;
    let hi = next; // offset(lo) = before, offset(hi) = after
    while (hi - lo > MINUTE) {
      const mid = lo + Math.max(1, Math.floor((hi - lo) / 2 / MINUTE)) * MINUTE;
      if (offsetMinutes(timeZone, new Date(mid)) === before) lo = mid;
      else hi = mid;
    }
    found.push({ at: new Date(hi), from: before, to: after });
    before = after;
  }
  return found;
}

interface Observance {
  kind: 'STANDARD' | 'DAYLIGHT';
  /** Local time before the change (in the `from` offset). */
  start: string;
  from: number;
  to: number;
  name: string;
  rrule?: string;
}

/** The yearly rule of a change, as BYMONTH and BYDAY ("last Sunday" is -1SU), with its local time of day. */
function yearlyRule(t: Transition): { month: number; byDay: string; time: string } {
  const local = new Date(t.at.getTime() + t.from * MINUTE); // read with UTC getters: the wall clock before the change
  const day = local.getUTCDate();
  const daysInMonth = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
  const weekday = WEEKDAYS[local.getUTCDay()];
  const byDay = day + 7 > daysInMonth ? `-1${weekday}` : `${Math.ceil(day / 7)}${weekday}`;
  return { month: local.getUTCMonth() + 1, byDay, time: local.toISOString().slice(11, 19) };
}

function localStart(t: Transition): string {
  return new Date(t.at.getTime() + t.from * MINUTE)
    .toISOString()
    .replace(/\.\d{3}Z$/, '')
    .replace(/[-:]/g, '');
}

/** The VTIMEZONE of `timeZone` for events between `first` and `last`, as content lines (not folded). */
export function vtimezone(timeZone: string, first: Date, last: Date): string[] {
  const from = new Date(Date.UTC(first.getUTCFullYear() - 1, 0, 1));
  const to = new Date(Date.UTC(last.getUTCFullYear() + 1, 0, 1));
  const changes = transitions(timeZone, from, to);
  const observances: Observance[] = [];
  if (!changes.length) {
    const offset = offsetMinutes(timeZone, first);
    observances.push({ kind: 'STANDARD', start: '19700101T000000', from: offset, to: offset, name: zoneName(timeZone, first) });
  } else {
    const kindOf = (t: Transition): Observance['kind'] => (t.to > t.from ? 'DAYLIGHT' : 'STANDARD');
    // One rule per direction, every year of the span: RRULEs. Anything else: one observance per change.
    const rules = new Map<string, Transition[]>();
    for (const t of changes) {
      const r = yearlyRule(t);
      const key = `${kindOf(t)} ${r.month} ${r.byDay} ${r.time} ${t.from} ${t.to}`;
      rules.set(key, [...(rules.get(key) ?? []), t]);
    }
    const years = to.getUTCFullYear() - from.getUTCFullYear();
    const regular = rules.size <= 2 && [...rules.values()].every((list) => list.length === years);
    if (regular) {
      for (const list of rules.values()) {
        const t = list[0];
        const r = yearlyRule(t);
        observances.push({
          kind: kindOf(t),
          start: localStart(t),
          from: t.from,
          to: t.to,
          name: zoneName(timeZone, t.at),
          rrule: `FREQ=YEARLY;BYMONTH=${r.month};BYDAY=${r.byDay}`,
        });
      }
    } else {
      for (const t of changes)
        observances.push({ kind: kindOf(t), start: localStart(t), from: t.from, to: t.to, name: zoneName(timeZone, t.at) });
    }
  }
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  for (const o of observances) {
    lines.push(
      `BEGIN:${o.kind}`,
      `DTSTART:${o.start}`,
      `TZOFFSETFROM:${formatOffset(o.from)}`,
      `TZOFFSETTO:${formatOffset(o.to)}`,
    );
    if (o.rrule) lines.push(`RRULE:${o.rrule}`);
    if (o.name) lines.push(`TZNAME:${o.name}`);
    lines.push(`END:${o.kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
