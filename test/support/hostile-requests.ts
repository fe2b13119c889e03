import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** One hostile HTTP request to /graphql: a JSON body (or a raw string body). */
export interface HostileRequest {
  label: string;
  body: unknown;
  raw?: string;
  /** Send with the signed-in secretariat's token (so mutations reach their resolvers). */
  authenticated: boolean;
}

const BIG_STRING = 'x'.repeat(100_001);
/** Strings no text column can hold: every String slot must refuse them. */
const UNSTORABLE = ['nul\u0000byte', 'lone\ud800surrogate', '\udfff'];
/** Legal but awkward unicode: sent without a token (refused before any resolver writes). */
const UNICODE_EDGES = [
  'a\u202Eb',
  '\u200B',
  '💥'.repeat(300),
  'e\u0301'.repeat(150),
  '\uFEFF',
  '\u0085'.repeat(201),
  'Ω≈ç√∫',
  '\u0008\u001b[31m',
];
const BAD_NUMBERS = [2 ** 31, -(2 ** 31) - 1, 1e308, -1e308, 1.5, '1', true];
const BAD_DATETIMES = [
  '2016-02-30T00:00:00Z',
  '2016-07-22',
  '2016-07-22T09:00:00',
  'yesterday',
  '9999999-01-01T00:00:00Z',
  '',
  1469178000000,
];
const BAD_DATES = ['2016-02-30', '2016-7-2', '22/07/2016', '', 20160722, '2016-07-22T00:00:00Z'];
const BAD_DURATIONS = ['P', 'PT', '14D', 'P1M', 'P-1D', 'PT1.23456S', '', 14];
const BAD_TIME_ZONES = ['Mars/Olympus', 'UTC+2', '', '../../etc/passwd', 'Europe/Zürich'];

/** A well-formed value of an input type (a valid shape; ids point nowhere). */
function sample(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return sample(type.ofType, depth);
  if (isListType(type)) return [sample(type.ofType, depth)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) {
      if (isNonNullType(field.type) || depth === 0) value[field.name] = sample(field.type, depth + 1);
    }
    return value;
  }
  switch (named.name) {
    case 'ID':
      return randomUUID();
    case 'Int':
      return 1;
    case 'Float':
      return 0.5;
    case 'Boolean':
      return true;
    case 'DateTime':
      return '2030-01-01T00:00:00Z';
    case 'Date':
      return '2030-01-01';
    case 'Duration':
      return 'P1D';
    default:
      return 'x';
  }
}

/** Values that a slot of this type must refuse, whatever else the request says. */
function badValuesFor(type: GraphQLInputType, fieldName: string): unknown[] {
  const named = getNamedType(type);
  const bad: unknown[] = [{ nested: 'object' }];
  if (isNonNullType(type)) bad.push(null);
  if (isEnumType(named)) bad.push('NOT_A_VALUE', 'approve', 1);
  if (isScalarType(named)) {
    if (named.name === 'Int' || named.name === 'Float')
      bad.push(...BAD_NUMBERS.filter((n) => named.name === 'Int' || typeof n !== 'number'));
    if (named.name === 'DateTime') bad.push(...BAD_DATETIMES);
    if (named.name === 'Date') bad.push(...BAD_DATES);
    if (named.name === 'Duration') bad.push(...BAD_DURATIONS);
    if (named.name === 'Boolean') bad.push('true', 1);
    // (An ID may legally be given as a number, and an unknown id is not bad input by itself.)
    if (named.name === 'String') bad.push(BIG_STRING, 12345);
    if (named.name === 'String' || named.name === 'ID') bad.push(...UNSTORABLE);
    if (named.name === 'String' && /timeZone/i.test(fieldName)) bad.push(...BAD_TIME_ZONES);
    if (named.name === 'String' && /email/i.test(fieldName))
      bad.push('not-an-email', 'a@', `${'a'.repeat(250)}@example.org`, 'a b@example.org');
    if (named.name === 'String' && /^(code|slug)$/i.test(fieldName)) bad.push('lower case', '💥', '', 'A'.repeat(100));
  }
  if (isListType(isNonNullType(type) ? type.ofType : type))
    bad.push(Array.from({ length: 10_001 }, () => sample(getNamedType(type) as GraphQLInputType)));
  return bad;
}

/** The selection of a field's result: __typename is valid on every object type. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isScalarType(named) || isEnumType(named) ? '' : '{ __typename }';
}

/** A value written inline as a GraphQL literal (enum-typed slots get strings: also an attack). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(', ')} }`;
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** The same operation with its arguments inline, exercising the literal-parsing paths. */
function inlineOperation(kind: OperationKind, field: GraphQLField<unknown, unknown>, variables: Record<string, unknown>): string {
  const args = field.args
    .filter((a) => a.name in variables)
    .map((a) => `${a.name}: ${literal(variables[a.name])}`)
    .join(', ');
  return `${kind} { ${field.name}${args ? `(${args})` : ''} ${selection(field)} }`;
}

type OperationKind = 'query' | 'mutation' | 'subscription';

function operation(kind: OperationKind, field: GraphQLField<unknown, unknown>): string {
  const defs = field.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind} Hostile${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection(field)} }`;
}

/** Every (argument path, bad value) of a field: top-level args and one level into input objects. */
function argumentAttacks(field: GraphQLField<unknown, unknown>): { path: string; variables: Record<string, unknown> }[] {
  const base = Object.fromEntries(field.args.map((a: GraphQLArgument) => [a.name, sample(a.type)]));
  const attacks: { path: string; variables: Record<string, unknown> }[] = [];
  for (const arg of field.args) {
    for (const bad of badValuesFor(arg.type, arg.name)) attacks.push({ path: arg.name, variables: { ...base, [arg.name]: bad } });
    const withoutIt = { ...base };
    delete withoutIt[arg.name];
    if (isNonNullType(arg.type)) attacks.push({ path: `${arg.name} (missing)`, variables: withoutIt });
    const named = getNamedType(arg.type);
    if (isInputObjectType(named)) {
      const inner = base[arg.name] as Record<string, unknown>;
      for (const f of Object.values(named.getFields())) {
        for (const bad of badValuesFor(f.type, f.name)) {
          attacks.push({ path: `${arg.name}.${f.name}`, variables: { ...base, [arg.name]: { ...inner, [f.name]: bad } } });
        }
        if (isNonNullType(f.type)) {
          const missing = { ...inner };
          delete missing[f.name];
          attacks.push({ path: `${arg.name}.${f.name} (missing)`, variables: { ...base, [arg.name]: missing } });
        }
      }
      attacks.push({ path: `${arg.name}.unknownField`, variables: { ...base, [arg.name]: { ...inner, unknownField: 1 } } });
    }
  }
  return attacks;
}

/**
 * Builds the hostile requests from the served schema: for every query and mutation, each
 * argument (and each input field) gets wrong types, nulls, missing values, oversized strings
 * and lists, invalid dates, durations and time zones, unicode edge cases, out-of-range
 * numbers and unknown enum values; plus protocol-level attacks (deep, wide and aliased
 * queries, batches, malformed JSON, huge bodies).
 */
export function hostileRequests(schema: GraphQLSchema): HostileRequest[] {
  const requests: HostileRequest[] = [];
  for (const [kind, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    // Over HTTP a subscription is refused; over WebSocket, see hostileLiveCases.
    ['subscription', schema.getSubscriptionType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (field.args.length === 0) continue;
      const query = operation(kind, field);
      for (const attack of argumentAttacks(field)) {
        for (const authenticated of [true, false]) {
          requests.push({
            label: `${kind} ${field.name} ${attack.path} auth=${authenticated}`,
            body: { query, variables: attack.variables },
            authenticated,
          });
        }
        requests.push({
          label: `${kind} ${field.name} ${attack.path} inline`,
          body: { query: inlineOperation(kind, field, attack.variables) },
          authenticated: true,
        });
      }
      // Awkward but legal unicode in every string argument, without a token.
      for (const arg of field.args.filter((a) => getNamedType(a.type).name === 'String')) {
        for (const text of UNICODE_EDGES) {
          const variables = { ...Object.fromEntries(field.args.map((a) => [a.name, sample(a.type)])), [arg.name]: text };
          requests.push({
            label: `${kind} ${field.name} ${arg.name} unicode auth=false`,
            body: { query, variables },
            authenticated: false,
          });
        }
      }
    }
  }
  const aliased = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: serverTime`).join(' ')} }`;
  const deep = `{ ${'__typename '.repeat(1)}${'me { organization { '.repeat(1)} ${'x { '.repeat(30)}${'}'.repeat(32)} }`;
  const protocol: [string, unknown, string?][] = [
    ['aliases x1000 of a cheap field', { query: aliased }],
    ['deep unknown nesting', { query: deep }],
    ['batched operations', [{ query: '{ __typename }' }, { query: '{ serverTime }' }]],
    ['empty body', {}],
    ['query is a number', { query: 42 }],
    ['variables is a string', { query: '{ __typename }', variables: 'x' }],
    ['unknown operation name', { query: '{ __typename }', operationName: 'Nope' }],
    ['two anonymous operations', { query: '{ __typename } { serverTime }' }],
    ['fragment cycle', { query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }],
    ['1000 directives', { query: `{ __typename ${'@include(if: true) '.repeat(1000)} }` }],
    ['5 MB body', { query: '{ __typename }', variables: { pad: 'x'.repeat(5 * 1024 * 1024) } }],
    ['malformed JSON', null, '{"query": "{ __typename }"'],
    ['JSON with NUL', null, '{"query": "{ __typename \u0000 }"}'],
    ['not JSON at all', null, 'query { __typename }'],
  ];
  for (const [label, body, raw] of protocol) {
    requests.push({ label: `protocol: ${label}`, body, raw, authenticated: true });
  }
  requests.push(...fragmentFanOutRequests(), ...paddedComplexityRequests(), ...deepVariablesRequests(), ...aliasedSignIns());
  return requests;
}

// ---------------------------------------------------------------- cost hidden in fragments (audit findings 1 and 2)

/**
 * `{ ...F1 } fragment F1 on Query { ...F2 ...F2 } ... fragment F<levels> on Query { <leaf> }`:
 * about 40 bytes a level, 2^levels leaves if each spread were walked again. `root` selects F1
 * (e.g. `{ me { ...F1 } }` with `on: 'Person'`).
 */
export function fragmentFanOut(
  levels: number,
  shape: { spreads?: number; leaf?: string; on?: string; root?: string } = {},
): string {
  const { spreads = 2, leaf = 'serverTime', on = 'Query', root = '{ ...F1 }' } = shape;
  const fragments = Array.from({ length: levels - 1 }, (_, i) => {
    const next = Array.from({ length: spreads }, () => `...F${i + 2}`).join(' ');
    return `fragment F${i + 1} on ${on} { ${next} }`;
  });
  return `${root} ${fragments.join(' ')} fragment F${levels} on ${on} { ${leaf} }`;
}

/** Fragment fan-out and its variants: each is refused at once, without and with a token. */
function fragmentFanOutRequests(): HostileRequest[] {
  const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: serverTime`).join(' ');
  const shapes: [string, string][] = [
    ['fragment fan-out 30 levels', fragmentFanOut(30)],
    ['fragment fan-out 30 levels, 10 spreads each', fragmentFanOut(30, { spreads: 10 })],
    ['fragment fan-out 29 levels, 50 aliases at the leaf', fragmentFanOut(29, { leaf: aliases })],
    ['fragment fan-out on Person', fragmentFanOut(30, { on: 'Person', leaf: 'name', root: '{ me { ...F1 } }' })],
    ['fragment fan-out 60 levels', fragmentFanOut(60)],
    ['inline fragments nested 1000 deep', `{ ${'... on Query { '.repeat(1000)}serverTime${' }'.repeat(1000)} }`],
    ['3000 tokens of one field', `{ ${'serverTime '.repeat(3000)}}`],
  ];
  return shapes.flatMap(([label, query]) =>
    [true, false].map((authenticated) => ({ label: `${label} auth=${authenticated}`, body: { query }, authenticated })),
  );
}

/** Costly queries padded with fragments until an estimator that gives up after N nodes would let them run. */
function paddedComplexityRequests(): HostileRequest[] {
  const costly = `overdueItems(initiativeId: "${randomUUID()}", first: 200) { edges { node { title
    workPlan { items(first: 200) { edges { node { title owner { name } } } } } } } }`;
  const members = `initiatives { workingGroups { members(first: 200) { edges { node { person { name } } } } } }`;
  const shapes: [string, string, Record<string, unknown>?][] = [
    ['padded overdueItems', fragmentFanOut(15, { leaf: '__typename', root: `{ ...F1 ${costly} }` })],
    ['padded members of every group', fragmentFanOut(15, { leaf: '__typename', root: `{ ...F1 ${members} }` })],
    [
      'padding behind @include',
      fragmentFanOut(15, { leaf: '__typename', root: `query($pad: Boolean!) { ...F1 @include(if: $pad) ${members} }` }),
      { pad: true },
    ],
  ];
  return shapes.map(([label, query, variables]) => ({ label, body: { query, variables }, authenticated: true }));
}

/** Variables nested 10,000 deep (20 KB of JSON), declared or not: refused before any plugin walks them. */
function deepVariablesRequests(): HostileRequest[] {
  const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  return [
    ['query($id: ID!) { workItem(id: $id) { id } }', 'id'],
    ['{ serverTime }', 'unused'],
  ].flatMap(([query, name]) =>
    [true, false].map((authenticated) => ({
      label: `variables nested 10,000 deep in $${name} auth=${authenticated}`,
      body: null,
      raw: `{"query": ${JSON.stringify(query)}, "variables": {"${name}": ${deep}}}`,
      authenticated,
    })),
  );
}

/**
 * One hostile exchange with the live endpoint (graphql-ws at /graphql): frames sent on a fresh
 * socket, after a connection_init with the secretariat's token unless `init` is 'none' (no
 * connection_init at all) or 'anonymous' (one without a token).
 */
export interface HostileLiveCase {
  label: string;
  init: 'token' | 'none' | 'anonymous';
  frames: (string | Buffer)[];
  /** The server is right to say nothing (a pong answers the ping sent after the frames). */
  silent?: boolean;
}

const subscribe = (id: string, payload: unknown) => JSON.stringify({ id, type: 'subscribe', payload });

/**
 * Hostile WebSocket traffic, generated like the HTTP requests: every subscription field with
 * every bad argument (variables and inline), and protocol-level attacks (malformed frames, unknown
 * types, messages out of order, duplicate ids, binary and oversized frames, operations that are
 * not subscriptions, deep and aliased documents, a flood of subscriptions on one socket).
 */
export function hostileLiveCases(schema: GraphQLSchema): HostileLiveCase[] {
  const cases: HostileLiveCase[] = [];
  for (const field of Object.values(schema.getSubscriptionType()?.getFields() ?? {})) {
    const query = operation('subscription', field);
    for (const attack of argumentAttacks(field)) {
      cases.push({
        label: `subscription ${field.name} ${attack.path}`,
        init: 'token',
        frames: [subscribe('1', { query, variables: attack.variables })],
      });
      cases.push({
        label: `subscription ${field.name} ${attack.path} inline`,
        init: 'token',
        frames: [subscribe('1', { query: inlineOperation('subscription', field, attack.variables) })],
      });
    }
    cases.push({ label: `subscription ${field.name} anonymous`, init: 'anonymous', frames: [subscribe('1', { query })] });
  }
  const aliased = `subscription { notificationAdded { ${Array.from({ length: 1000 }, (_, i) => `a${i}: id`).join(' ')} } }`;
  const deep = `subscription { ballotUpdated(ballotId: "${randomUUID()}") { ${'termsOfReference { ballots { '.repeat(10)} id ${'} } '.repeat(10)} } }`;
  const protocol: [string, HostileLiveCase['init'], (string | Buffer)[], boolean?][] = [
    ['not JSON', 'token', ['subscribe me']],
    ['unknown message type', 'token', [JSON.stringify({ type: 'nope' })]],
    ['a JSON array', 'token', [JSON.stringify([{ type: 'ping' }])]],
    ['binary frame', 'token', [Buffer.from([0, 159, 146, 150])]],
    [
      '2 MB frame',
      'token',
      [subscribe('1', { query: `subscription { notificationAdded { id } } #${'x'.repeat(2 * 1024 * 1024)}` })],
    ],
    ['no connection_init at all (closed after 3 s)', 'none', []],
    ['subscribe before connection_init', 'none', [subscribe('1', { query: 'subscription { notificationAdded { id } }' })]],
    ['connection_init twice', 'token', [JSON.stringify({ type: 'connection_init' })]],
    ['connection_init payload not an object', 'none', [JSON.stringify({ type: 'connection_init', payload: 'x' })]],
    ['subscribe without an id', 'token', [JSON.stringify({ type: 'subscribe', payload: { query: '{ __typename }' } })]],
    ['query is a number', 'token', [subscribe('1', { query: 42 })]],
    ['variables is a string', 'token', [subscribe('1', { query: 'subscription { notificationAdded { id } }', variables: 'x' })]],
    [
      'the same subscription id twice',
      'token',
      [
        subscribe('1', { query: 'subscription { notificationAdded { id } }' }),
        subscribe('1', { query: 'subscription { notificationAdded { id } }' }),
      ],
    ],
    ['a query', 'token', [subscribe('1', { query: '{ __typename }' })]],
    ['a mutation', 'token', [subscribe('1', { query: 'mutation { rotateMyCalendarFeedUrl }' })]],
    ['introspection', 'token', [subscribe('1', { query: 'subscription { __schema { types { name } } }' })]],
    [
      'two root fields',
      'token',
      [subscribe('1', { query: 'subscription { notificationAdded { id } a: notificationAdded { id } }' })],
    ],
    [
      'unknown operation name',
      'token',
      [subscribe('1', { query: 'subscription A { notificationAdded { id } }', operationName: 'B' })],
    ],
    ['aliases x1000', 'token', [subscribe('1', { query: aliased })]],
    ['deep nesting', 'token', [subscribe('1', { query: deep })]],
    [
      '1000 directives',
      'token',
      [subscribe('1', { query: `subscription { notificationAdded ${'@include(if: true) '.repeat(1000)} { id } }` })],
    ],
    [
      'fragment cycle',
      'token',
      [
        subscribe('1', {
          query: 'subscription { ...A } fragment A on Subscription { ...B } fragment B on Subscription { ...A }',
        }),
      ],
    ],
    [
      '40 subscriptions at once',
      'token',
      Array.from({ length: 40 }, (_, i) =>
        subscribe(String(i), { query: `subscription { ballotUpdated(ballotId: "${randomUUID()}") { id } }` }),
      ),
    ],
    ['complete for an unknown id', 'token', [JSON.stringify({ id: '9', type: 'complete' })], true],
    ['pong without a ping', 'token', [JSON.stringify({ type: 'pong' })], true],
  ];
  for (const [label, init, frames, silent] of protocol) cases.push({ label: `protocol: ${label}`, init, frames, silent });
  return cases;
}

/**
 * Several password checks in one request (audit finding 4): aliased, through fragments, mixed,
 * with and without a token. Each must be refused (BAD_USER_INPUT) without evaluating any.
 */
export function aliasedSignIns(): HostileRequest[] {
  const login = (alias: string) =>
    `${alias}: login(email: "victim@example.org", password: "guess-${alias}-0000") { accessToken }`;
  const accept = (alias: string) =>
    `${alias}: acceptInvitation(token: "t-${alias}", password: "chosen-${alias}-0000") { accessToken }`;
  const change = (alias: string) =>
    `${alias}: changeMyPassword(currentPassword: "guess-${alias}-0000", newPassword: "next-${alias}-00000") { accessToken }`;
  const shapes: [string, string][] = [
    ['2 logins', `mutation { ${login('a')} ${login('b')} }`],
    ['50 logins', `mutation { ${Array.from({ length: 50 }, (_, i) => login(`l${i}`)).join(' ')} }`],
    ['2 acceptInvitation', `mutation { ${accept('a')} ${accept('b')} }`],
    ['2 changeMyPassword', `mutation { ${change('a')} ${change('b')} }`],
    ['login, acceptInvitation, changeMyPassword', `mutation { ${login('a')} ${accept('b')} ${change('c')} }`],
    [
      'logins through fragments',
      `mutation { ...A ...B } fragment A on Mutation { ${login('a')} } fragment B on Mutation { ${login('b')} }`,
    ],
    ['logins in inline fragments', `mutation { ... on Mutation { ${login('a')} } ... on Mutation { ${login('b')} } }`],
  ];
  return shapes.flatMap(([label, query]) =>
    [true, false].map((authenticated) => ({ label: `sign-ins: ${label} auth=${authenticated}`, body: { query }, authenticated })),
  );
}

/** Every query and mutation field, with its kind. */
function rootFields(schema: GraphQLSchema): (readonly ['query' | 'mutation', GraphQLField<unknown, unknown>])[] {
  const fieldsOf = (kind: 'query' | 'mutation') =>
    Object.values((kind === 'query' ? schema.getQueryType() : schema.getMutationType())?.getFields() ?? {});
  return (['query', 'mutation'] as const).flatMap((kind) => fieldsOf(kind).map((field) => [kind, field] as const));
}

/**
 * Text with control characters: a bare CR, LF, CRLF (with what would be a new iCalendar line
 * or e-mail header after them) and every other C0 control but NUL, DEL and some C1 controls.
 * Tab is legal everywhere and kept. (NUL cannot be stored at all: UNSTORABLE covers it.)
 */
export const CONTROL_TEXTS = [
  'cc bare CR\rX-INJECTED:cr',
  'cc LF\nBEGIN:VEVENT',
  'cc CRLF\r\nBcc: x@evil.example',
  `cc C0 ${Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('')} DEL \u007f C1 \u0080\u0085\u009f tab\tend`,
];

/** A valid value of a type for the control-character requests: `known` values by field name first, then required fields only. */
function knownSample(type: GraphQLInputType, name: string, known: Record<string, () => unknown>): unknown {
  if (name in known) return known[name]();
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return sample(type);
  if (isListType(isNonNullType(type) ? type.ofType : type)) return [knownSample(named, name, known)];
  const value: Record<string, unknown> = {};
  for (const field of Object.values(named.getFields())) {
    if (isNonNullType(field.type) || field.name in known || getNamedType(field.type).name === 'String')
      value[field.name] = knownSample(field.type, field.name, known);
  }
  return value;
}

/**
 * Every String argument (and String field of an input argument) of every query and mutation,
 * filled with each of CONTROL_TEXTS, as the signed-in secretariat, the other arguments taken
 * from `known` (real ids of a scene, fresh codes and e-mails; called once per request) so that
 * mutations reach the database: each must be refused with a contract code or stored, never
 * answered with INTERNAL_SERVER_ERROR. What is stored is then checked where it ends up
 * (calendar feed, e-mail headers) by the test.
 */
export function controlCharacterRequests(schema: GraphQLSchema, known: Record<string, () => unknown>): HostileRequest[] {
  const requests: HostileRequest[] = [];
  for (const [kind, field] of rootFields(schema)) {
    const query = operation(kind, field);
    for (const slot of textSlots(field)) {
      for (const text of CONTROL_TEXTS) {
        const variables = Object.fromEntries(field.args.map((a) => [a.name, knownSample(a.type, a.name, known)]));
        slot.set(variables, text);
        requests.push({
          label: `${kind} ${field.name} ${slot.path} ${JSON.stringify(text.slice(0, 12))}`,
          body: { query, variables },
          authenticated: true,
        });
      }
    }
  }
  return requests;
}

/** The String arguments of a field and the String fields of its input-object arguments. */
function textSlots(
  field: GraphQLField<unknown, unknown>,
): { path: string; set: (variables: Record<string, unknown>, text: string) => void }[] {
  return field.args.flatMap((arg) => {
    const named = getNamedType(arg.type);
    if (named.name === 'String')
      return [{ path: arg.name, set: (v: Record<string, unknown>, text: string) => (v[arg.name] = text) }];
    if (!isInputObjectType(named) || isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type)) return [];
    return Object.values(named.getFields())
      .filter((f) => getNamedType(f.type).name === 'String')
      .map((f) => ({
        path: `${arg.name}.${f.name}`,
        set: (v: Record<string, unknown>, text: string) => ((v[arg.name] as Record<string, unknown>)[f.name] = text),
      }));
  });
}
