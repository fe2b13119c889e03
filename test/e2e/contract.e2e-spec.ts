import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, printSchema } from 'graphql';
import { contractProblems } from '../support/contract-diff';
import { useGateway } from '../support/gateway-harness';

/** The public contract, beside the project (read-only). */
const CONTRACT_PATH = process.env.CONTRACT_PATH ?? join(process.cwd(), '..', 'shared', 'contract', 'schema.graphql');

/**
 * Contract names not implemented yet: whole types, `Type.field`, `Type.field(arg)` or
 * `Enum.VALUE`. Each domain issue removes its names; the list must end empty. A name listed
 * here that the gateway does implement fails the test, so the list cannot go stale.
 */
const NOT_YET_IMPLEMENTED: string[] = [
  // issue 15 (meetings): the notifications are not sent yet
  'NotificationKind.MEETING_ANNOUNCED',
  'NotificationKind.MEETING_UPDATED',
  'NotificationKind.MEETING_CANCELLED',
  'NotificationKind.MEETING_UPCOMING',
  'NotificationKind.MINUTES_MISSING',
  // issue 16 (the agenda's KPI links)
  'AgendaItem.kpis',
  'AddAgendaItemInput.kpiIds',
  'UpdateAgendaItemInput.kpiIds',
  // issue 17 (search and the audit log)
  'Initiative.auditLog',
  'SearchHitKind',
  'SearchHit',
  'SearchHitEdge',
  'SearchHitConnection',
  'AuditEvent',
  'AuditEventEdge',
  'AuditEventConnection',
  'Query.search',
];

describe('the public GraphQL contract', () => {
  let problems: Map<string, string>;

  const gateway = useGateway();
  beforeAll(async () => {
    const schema = gateway.app.get(GraphQLSchemaHost).schema;
    problems = contractProblems(buildSchema(readFileSync(CONTRACT_PATH, 'utf8')), schema);
  });

  it('is implemented by the emitted schema, except the names listed as not yet implemented', () => {
    const unexpected = [...problems].filter(([key]) => !NOT_YET_IMPLEMENTED.includes(key)).map(([, problem]) => problem);
    expect(unexpected).toEqual([]);
  });

  it('lists no name as missing that is in fact implemented', () => {
    const stale = NOT_YET_IMPLEMENTED.filter((key) => !problems.has(key));
    expect(stale).toEqual([]);
  });

  it('matches the committed schema.gql', () => {
    const schema = gateway.app.get(GraphQLSchemaHost).schema;
    const committed = readFileSync(join(process.cwd(), 'schema.gql'), 'utf8');
    expect(buildSchema(committed).toConfig().types.length).toBe(schema.toConfig().types.length);
    expect(printSchema(buildSchema(committed))).toBe(printSchema(buildSchema(printSchema(schema))));
  });
});
