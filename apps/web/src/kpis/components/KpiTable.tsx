import { Anchor, Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { urls } from '../../app/urls';
import type { KpiDimension, KpiLevel } from '../../gql/graphql';

export interface KpiRow {
  id: string;
  code: string;
  name: string;
  dimension: KpiDimension;
  level: KpiLevel;
}

/** The catalogue table: each KPI's name links to its page. */
export function KpiTable({ slug, kpis }: { slug: string; kpis: KpiRow[] }) {
  const { t } = useTranslation('kpis');
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="sm">
        <Table.Caption>
          <VisuallyHidden>{t('caption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('columns.code')}</Table.Th>
            <Table.Th scope="col">{t('columns.name')}</Table.Th>
            <Table.Th scope="col">{t('columns.dimension')}</Table.Th>
            <Table.Th scope="col">{t('columns.level')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kpis.map((kpi) => (
            <Table.Tr key={kpi.id}>
              <Table.Td ff="monospace">{kpi.code}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={urls.kpi(slug, kpi.id)}>
                  {kpi.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`dimension.${kpi.dimension}`)}</Table.Td>
              <Table.Td>{t(`level.${kpi.level}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
