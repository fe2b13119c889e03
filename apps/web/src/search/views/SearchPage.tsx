import { useQuery } from '@apollo/client/react';
import { Button, Checkbox, Group, NativeSelect, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { urls } from '../../app/urls';
import type { SearchHitKind } from '../../gql/graphql';
import { PageTitle } from '../../shared/components/PageTitle';
import { EmptyState, ErrorState, Loading } from '../../shared/components/States';
import { SearchResults } from '../components/SearchResults';
import { SearchQuery } from '../queries';
import { useSearchInitiative } from '../search-initiative';

const PAGE_SIZE = 20;

/** The kinds a reader can filter on, in the order shown (comments and amendments join when discussion is built). */
export const FILTER_KINDS: SearchHitKind[] = [
  'WORK_ITEM',
  'DECISION',
  'MEETING',
  'AGENDA_ITEM',
  'TERMS_OF_REFERENCE',
  'BALLOT',
  'KPI',
  'WORKING_GROUP',
  'PERSON',
];

/** /search?q=&i=: hits of the banner's search in one initiative, best first, with kind filters and more on demand. */
export function SearchPage() {
  const { t } = useTranslation('search');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const query = (params.get('q') ?? '').trim();
  const { current, all } = useSearchInitiative();
  const [kinds, setKinds] = useState<SearchHitKind[]>([]);
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(SearchQuery, {
    variables: { initiativeId: current?.id ?? '', query, kinds: kinds.length ? kinds : null, first: PAGE_SIZE },
    skip: !current || !query,
  });
  const toggle = (kind: SearchHitKind, on: boolean) =>
    setKinds((before) => (on ? [...before, kind] : before.filter((k) => k !== kind)));

  const shown = data ?? previousData;
  const found = shown?.search;
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      {all.length > 1 && current && (
        <NativeSelect
          label={t('initiative')}
          value={current.id}
          onChange={(e) => void navigate(urls.search(query, e.currentTarget.value))}
          data={all.map((i) => ({ value: i.id, label: i.name }))}
          mb="md"
          maw={360}
        />
      )}
      <Checkbox.Group label={t('kinds')} description={t('kindsHint')} value={kinds} mb="md">
        <Group gap="md" mt="xs">
          {FILTER_KINDS.map((kind) => (
            <Checkbox key={kind} value={kind} label={t(`kind.${kind}`)} onChange={(e) => toggle(kind, e.currentTarget.checked)} />
          ))}
        </Group>
      </Checkbox.Group>
      {!query ? (
        <EmptyState>{t('noQuery')}</EmptyState>
      ) : !current ? (
        <EmptyState>{t('noInitiative')}</EmptyState>
      ) : error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !found ? (
        <Loading />
      ) : (
        <>
          <Text role="status" aria-live="polite" c="dimmed" mb="sm">
            {t('count', { count: found.totalCount, query, name: current.name })}
          </Text>
          {found.edges.length === 0 ? (
            <EmptyState>{t('noMatch', { query })}</EmptyState>
          ) : (
            <SearchResults hits={found.edges.map((e) => e.node)} />
          )}
          {found.pageInfo.hasNextPage && (
            <Button
              variant="default"
              mt="md"
              loading={loading}
              onClick={() =>
                void fetchMore({
                  variables: { after: found.pageInfo.endCursor },
                  updateQuery: (before, { fetchMoreResult }) => ({
                    search: { ...fetchMoreResult.search, edges: [...before.search.edges, ...fetchMoreResult.search.edges] },
                  }),
                })
              }
            >
              {t('more')}
            </Button>
          )}
        </>
      )}
    </>
  );
}
