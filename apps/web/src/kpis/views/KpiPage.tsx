import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, List, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFound } from '../../app/NotFound';
import { urls } from '../../app/urls';
import { PageTitle } from '../../shared/components/PageTitle';
import { Section } from '../../shared/components/Section';
import { EmptyState, ErrorState, Loading } from '../../shared/components/States';
import { KpiQuery } from '../queries';

/** One "term: value" line of the details list. */
function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="dt" fw={600} size="sm">
        {term}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** /i/<slug>/kpis/<id>: a KPI's details and the work items that address it. */
export function KpiPage() {
  const { t } = useTranslation('kpis');
  const { slug = '', id = '' } = useParams();
  const { data, error, refetch } = useQuery(KpiQuery, { variables: { id } });
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const kpi = data.kpi;
  if (!kpi) return <NotFound />;
  return (
    <>
      <Anchor component={Link} to={urls.kpis(slug)} size="sm">
        {t('backToCatalogue')}
      </Anchor>
      <PageTitle>{`${kpi.code} ${kpi.name}`}</PageTitle>
      <Section title={t('details.title')}>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
          <Detail term={t('details.code')}>{kpi.code}</Detail>
          <Detail term={t('details.level')}>{t(`level.${kpi.level}`)}</Detail>
          <Detail term={t('details.dimension')}>{t(`dimension.${kpi.dimension}`)}</Detail>
          <Detail term={t('details.subDimension')}>{kpi.subDimension}</Detail>
          <Detail term={t('details.category')}>{kpi.category}</Detail>
          <Detail term={t('details.unit')}>{kpi.unit ?? t('details.none')}</Detail>
        </SimpleGrid>
        <Text fw={600} size="sm" mt="sm">
          {t('details.definition')}
        </Text>
        <Text>{kpi.definition ?? t('details.none')}</Text>
      </Section>
      <Section title={t('workItems')}>
        {kpi.workItems.length === 0 ? (
          <EmptyState>{t('noWorkItems')}</EmptyState>
        ) : (
          <List spacing="xs">
            {kpi.workItems.map((item) => (
              <List.Item key={item.id}>
                <Group gap="xs">
                  <Anchor component={Link} to={urls.group(item.workPlan.workingGroup.id)}>
                    {`${item.workPlan.workingGroup.code}: ${item.title}`}
                  </Anchor>
                  <Badge variant="light">{t(`status.${item.status}`)}</Badge>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
    </>
  );
}
