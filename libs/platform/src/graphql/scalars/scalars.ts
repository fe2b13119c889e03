import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { parseCalendarDate, parseDateTime, parseDuration } from './iso-time';

function invalid(scalar: string, expected: string, value: unknown): GraphQLError {
  const shown = typeof value === 'string' ? `"${value.slice(0, 60)}"` : typeof value;
  return new GraphQLError(`${scalar} must be ${expected}; got ${shown}`, { extensions: { code: 'BAD_USER_INPUT' } });
}

function stringLiteral(ast: ValueNode, scalar: string, expected: string): string {
  if (ast.kind !== Kind.STRING) throw invalid(scalar, expected, ast.kind);
  return ast.value;
}

const DATE_TIME_EXPECTED = 'an ISO-8601 instant with offset, e.g. 2016-07-22T09:00:00Z';

/** Instants: ISO-8601 with an offset in, UTC ISO-8601 out. Internally a JS Date. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An ISO-8601 instant with offset, e.g. 2016-07-22T09:00:00Z; always returned in UTC.',
  serialize(value) {
    const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent this value');
    return date.toISOString();
  },
  parseValue(value) {
    const date = typeof value === 'string' ? parseDateTime(value) : null;
    if (!date) throw invalid('DateTime', DATE_TIME_EXPECTED, value);
    return date;
  },
  parseLiteral(ast) {
    const text = stringLiteral(ast, 'DateTime', DATE_TIME_EXPECTED);
    const date = parseDateTime(text);
    if (!date) throw invalid('DateTime', DATE_TIME_EXPECTED, text);
    return date;
  },
});

const DATE_EXPECTED = 'a calendar date YYYY-MM-DD, e.g. 2016-07-22';

/** Calendar dates as YYYY-MM-DD strings (no time zone involved). */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize(value) {
    if (typeof value === 'string' && parseCalendarDate(value)) return value;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    throw new GraphQLError('Date cannot represent this value');
  },
  parseValue(value) {
    const date = typeof value === 'string' ? parseCalendarDate(value) : null;
    if (!date) throw invalid('Date', DATE_EXPECTED, value);
    return date;
  },
  parseLiteral(ast) {
    const text = stringLiteral(ast, 'Date', DATE_EXPECTED);
    const date = parseCalendarDate(text);
    if (!date) throw invalid('Date', DATE_EXPECTED, text);
    return date;
  },
});

const DURATION_EXPECTED = 'an ISO-8601 duration in weeks, days, hours, minutes or seconds, e.g. P14D, PT12H, PT2S';

/** Durations as ISO-8601 strings; services convert them with parseDuration. */
export const DurationScalar = new GraphQLScalarType<string, string>({
  name: 'Duration',
  description: 'An ISO-8601 duration, e.g. P14D, PT12H, PT2S.',
  serialize(value) {
    if (typeof value === 'string' && parseDuration(value) !== null) return value;
    throw new GraphQLError('Duration cannot represent this value');
  },
  parseValue(value) {
    if (typeof value !== 'string' || parseDuration(value) === null) throw invalid('Duration', DURATION_EXPECTED, value);
    return value;
  },
  parseLiteral(ast) {
    const text = stringLiteral(ast, 'Duration', DURATION_EXPECTED);
    if (parseDuration(text) === null) throw invalid('Duration', DURATION_EXPECTED, text);
    return text;
  },
});
