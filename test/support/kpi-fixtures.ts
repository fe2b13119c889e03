import type { GatewayUnderTest } from './gateway-harness';
import { ok } from './gateway-harness';

export interface KpiShape {
  code: string;
  name: string;
  dimension: string;
  subDimension: string;
  category: string;
  level: string;
  definition?: string | null;
  unit?: string | null;
}

export const IMPORT_KPIS = `mutation ($initiativeId: ID!, $kpis: [KpiInput!]!) {
  importKpis(initiativeId: $initiativeId, kpis: $kpis) { created updated unchanged } }`;
export const LINK_KPIS = `mutation ($workItemId: ID!, $kpiIds: [ID!]!) {
  linkWorkItemKpis(workItemId: $workItemId, kpiIds: $kpiIds) { id kpis { id code } } }`;
export const GET_KPI = `query ($id: ID!) { kpi(id: $id) { id code name dimension subDimension category level definition unit
  workItems { id title } } }`;
export const CATALOGUE = `query ($slug: String!, $dimension: KpiDimension, $level: KpiLevel, $search: String, $first: Int, $after: String) {
  initiative(slug: $slug) { kpis(dimension: $dimension, level: $level, search: $search, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id code name dimension level } } } } }`;

/** A KPI of the given code (other fields plain). */
export const kpi = (code: string, fields: Partial<KpiShape> = {}): KpiShape => ({
  code,
  name: `Indicator ${code}`,
  dimension: 'ECONOMY',
  subDimension: 'ICT',
  category: 'ICT Infrastructure',
  level: 'CORE',
  ...fields,
});

export async function importKpis(
  gw: GatewayUnderTest,
  token: string,
  initiativeId: string,
  kpis: KpiShape[],
): Promise<{ created: number; updated: number; unchanged: number }> {
  return ok(
    await gw.gql<{ importKpis: { created: number; updated: number; unchanged: number } }>(
      IMPORT_KPIS,
      { initiativeId, kpis },
      token,
    ),
  ).importKpis;
}

/** Code -> id of the initiative's KPIs (up to 100). */
export async function kpiIds(gw: GatewayUnderTest, token: string, slug: string): Promise<Record<string, string>> {
  type Page = { initiative: { kpis: { edges: { node: { id: string; code: string } }[] } } };
  const data = ok(await gw.gql<Page>(CATALOGUE, { slug, first: 100 }, token));
  return Object.fromEntries(data.initiative.kpis.edges.map((e) => [e.node.code, e.node.id]));
}
