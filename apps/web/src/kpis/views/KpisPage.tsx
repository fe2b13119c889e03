import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFound } from '../../app/NotFound';
import { urls } from '../../app/urls';
import { PageTitle } from '../../shared/components/PageTitle';
import { EmptyState, ErrorState, Loading } from '../../shared/components/States';
import { KpiFilters, type KpiFilterValues, NO_FILTERS } from '../components/KpiFilters';
import { KpiTable } from '../components/KpiTable';
import { KpiCatalogueQuery } from '../queries';

const PAGE_SIZE = 50;

/** /i/<slug>/kpis: the initiative's KPI catalogue, filtered by dimension, level and a search text, page by page. */
export function KpisPage() {
  const { t } = useTranslation('kpis');
  const { slug = '' } = useParams();
  const [filters, setFilters] = useState<KpiFilterValues>(NO_FILTERS);
  const [search] = useDebouncedValue(filters.search.trim(), 250);
  // The cursors of the pages before the current one: "Previous page" pops one.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const { data, previousData, error, refetch } = useQuery(KpiCatalogueQuery, {
    variables: { slug, dimension: filters.dimension, level: filters.level, search: search || null, first: PAGE_SIZE, after },
  });
  const changeFilters = (next: KpiFilterValues) => {
    setFilters(next);
    setCursors([null]);
  };
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  // While new filters load, the previous answer stays on screen (no flicker while typing).
  const shown = data ?? previousData;
  if (!shown) return <Loading />;
  const initiative = shown.initiative;
  if (!initiative) return <NotFound />;
  const { kpis } = initiative;
  const filtered = filters.dimension !== null || filters.level !== null || search !== '';
  return (
    <>
      <Anchor component={Link} to={urls.initiative(slug)} size="sm">
        {t('breadcrumb', { name: initiative.name })}
      </Anchor>
      <PageTitle>{t('title')}</PageTitle>
      <Text mb="md">{t('intro', { name: initiative.name })}</Text>
      <KpiFilters value={filters} onChange={changeFilters} />
      <Text role="status" aria-live="polite" c="dimmed" mb="sm">
        {t('count', { count: kpis.totalCount })}
      </Text>
      {kpis.edges.length === 0 ? (
        <EmptyState>{filtered ? t('noMatch') : t('empty')}</EmptyState>
      ) : (
        <KpiTable slug={slug} kpis={kpis.edges.map((e) => e.node)} />
      )}
      {(cursors.length > 1 || kpis.pageInfo.hasNextPage) && (
        <Group justify="space-between" mt="md">
          <Button variant="default" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('previous')}
          </Button>
          <Text>{t('page', { page: cursors.length })}</Text>
          <Button
            variant="default"
            disabled={!kpis.pageInfo.hasNextPage}
            onClick={() => setCursors([...cursors, kpis.pageInfo.endCursor ?? null])}
          >
            {t('next')}
          </Button>
        </Group>
      )}
    </>
  );
}
