import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFound } from '../../app/NotFound';
import { urls } from '../../app/urls';
import { PageTitle } from '../../shared/components/PageTitle';
import { Section } from '../../shared/components/Section';
import { EmptyState, ErrorState, Loading } from '../../shared/components/States';
import { CommentForm } from '../../discussion/components/CommentForm';
import { CommentThreads } from '../../discussion/components/CommentThreads';
import { CommentOnKpiMutation } from '../../discussion/queries';
import { useCommentActions } from '../../discussion/use-comment-actions';
import { useMyRoles } from '../../shared/permissions/use-my-roles';
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

/** /i/<slug>/kpis/<id>: a KPI's details, the work items that address it, and its comments. */
export function KpiPage() {
  const { t } = useTranslation('kpis');
  const { t: d } = useTranslation('discussion');
  const { slug = '', id = '' } = useParams();
  const { data, error, refetch } = useQuery(KpiQuery, { variables: { id } });
  const roles = useMyRoles(slug, null);
  const { attempt, ...commentActions } = useCommentActions(() => refetch());
  const [comment] = useMutation(CommentOnKpiMutation);
  const [notice, setNotice] = useState<string | null>(null);
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const kpi = data.kpi;
  if (!kpi) return <NotFound />;
  // commentOnKpi: SECRETARIAT and MEMBERs of the initiative; OBSERVERs read only (the server decides too).
  const mayComment = Boolean(roles && !roles.observer);
  const actions = { meId: data.me.id, mayModerate: Boolean(roles?.secretariat), ...commentActions };
  const post = (body: string, parentId?: string) =>
    attempt(() => comment({ variables: { input: { kpiId: kpi.id, body, parentId: parentId ?? null } } })).then((refused) => {
      setNotice(refused ? null : parentId ? d('comments.replied') : d('comments.posted'));
      return refused;
    });
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
      <Section title={d('kpi.title')}>
        <Stack>
          {notice && (
            <Alert color="green" role="status">
              {notice}
            </Alert>
          )}
          <CommentThreads
            comments={kpi.comments.edges.map((e) => e.node)}
            actions={actions}
            onReply={mayComment ? (parentId, body) => post(body, parentId) : null}
            label={d('kpi.list')}
            empty={d('kpi.none')}
          />
          {kpi.comments.pageInfo.hasNextPage && (
            <Text size="sm" c="dimmed">
              {d('general.more', { count: kpi.comments.totalCount })}
            </Text>
          )}
          {mayComment && <CommentForm label={d('kpi.label')} submitLabel={d('comments.post')} onSubmit={(body) => post(body)} />}
        </Stack>
      </Section>
    </>
  );
}
