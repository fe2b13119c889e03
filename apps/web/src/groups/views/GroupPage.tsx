import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, List, SimpleGrid, Table, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFound } from '../../app/NotFound';
import { urls } from '../../app/urls';
import { PageTitle } from '../../shared/components/PageTitle';
import { ProgressCell } from '../../shared/components/ProgressCell';
import { Section } from '../../shared/components/Section';
import { EmptyState, ErrorState, Loading } from '../../shared/components/States';
import { CalendarDate, DateTime } from '../../shared/time/DateTime';
import { GroupMeetings } from '../../meetings/components/MeetingsSection';
import { ScheduleMeetingButton } from '../../meetings/manage/ScheduleMeetingButton';
import { isChairOrVice, useMyRoles } from '../../shared/permissions/use-my-roles';
import { GroupQuery } from '../queries';

// The editor (and its combobox) loads when a chair first opens it, not with the group page.
const WorkItemKpisDialog = lazy(() =>
  import('../components/WorkItemKpisDialog').then((m) => ({ default: m.WorkItemKpisDialog })),
);

const organization = (org?: { acronym?: string | null; name: string } | null) => (org ? ` (${org.acronym ?? org.name})` : '');

/** /groups/<id>: chairs, members, the work plan table and its progress. */
export function GroupPage() {
  const { t } = useTranslation('groups');
  const { t: common } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(GroupQuery, { variables: { id } });
  const roles = useMyRoles(data?.workingGroup?.initiative.slug, data?.workingGroup?.id);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const group = data.workingGroup;
  if (!group) return <NotFound />;
  const plan = group.workPlan;
  // linkWorkItemKpis: the group's chairs and vice-chairs, and the secretariat (the server decides too).
  const mayLinkKpis = Boolean(roles && (roles.secretariat || isChairOrVice(roles)));
  const editedItem = plan?.items.edges.find((e) => e.node.id === editing)?.node;
  return (
    <>
      <Anchor component={Link} to={urls.initiative(group.initiative.slug)} size="sm">
        {t('breadcrumb', { name: group.initiative.name })}
      </Anchor>
      <PageTitle>{`${group.code} ${group.name}`}</PageTitle>
      <Text mb="sm">
        <Text span fw={600}>
          {t('mandate')}:
        </Text>{' '}
        {group.mandate}
      </Text>
      {group.termsOfReference && (
        <Group gap="xs" mb="lg">
          <Text fw={600}>{t('terms')}:</Text>
          <Anchor component={Link} to={urls.terms(group.termsOfReference.id)}>
            {group.termsOfReference.title}
          </Anchor>
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Section title={t('chairs')}>
          {group.chairs.length === 0 ? (
            <EmptyState>{t('noChairs')}</EmptyState>
          ) : (
            <List>
              {group.chairs.map((chair) => (
                <List.Item key={chair.id}>
                  {chair.name}
                  {organization(chair.organization)}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        <Section title={t('members')}>
          {group.members.totalCount === 0 ? (
            <EmptyState>{t('noMembers')}</EmptyState>
          ) : (
            <List>
              {group.members.edges.map(({ node }) => (
                <List.Item key={node.person.id}>
                  {node.person.name}
                  {organization(node.person.organization)}{' '}
                  <Badge variant="light" size="sm">
                    {common(`roles.${node.role}`)}
                  </Badge>
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      </SimpleGrid>
      <Section title={t('workPlan')}>
        {!plan ? (
          <EmptyState>{t('noPlan')}</EmptyState>
        ) : (
          <>
            <Group justify="space-between" mb="md">
              <div>
                <Text fw={600}>{plan.title}</Text>
                <Text size="sm" c="dimmed">
                  <CalendarDate value={plan.periodStart} /> – <CalendarDate value={plan.periodEnd} />
                  {' · '}
                  {t('summary', { done: plan.progress.done, total: plan.progress.total, overdue: plan.progress.overdue })}
                </Text>
              </div>
              <ProgressCell value={plan.progress.percentComplete} label={t('planProgress')} />
            </Group>
            {saved && (
              <Alert color="green" role="status" mb="sm">
                {saved}
              </Alert>
            )}
            {editedItem && (
              <Suspense fallback={null}>
                <WorkItemKpisDialog
                  opened
                  slug={group.initiative.slug}
                  item={editedItem}
                  onClose={() => setEditing(null)}
                  onSaved={() => {
                    setEditing(null);
                    setSaved(t('kpiEditor.saved', { title: editedItem.title }));
                  }}
                />
              </Suspense>
            )}
            {plan.items.totalCount === 0 ? (
              <EmptyState>{t('noItems')}</EmptyState>
            ) : (
              <Table.ScrollContainer minWidth={760}>
                <Table striped verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('columns.title')}</Table.Th>
                      <Table.Th scope="col">{t('columns.owner')}</Table.Th>
                      <Table.Th scope="col">{t('columns.due')}</Table.Th>
                      <Table.Th scope="col">{t('columns.status')}</Table.Th>
                      <Table.Th scope="col">{t('columns.progress')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {plan.items.edges.map(({ node: item }) => (
                      <Table.Tr key={item.id}>
                        <Table.Td>
                          <Text fw={500}>{item.title}</Text>
                          <Text size="xs" c="dimmed">
                            {t(`kind.${item.kind}`)}
                          </Text>
                          {(item.kpis.length > 0 || mayLinkKpis) && (
                            <Group gap={4} mt={4} aria-label={t('kpisOf', { title: item.title })} role="group">
                              {item.kpis.map((kpi) => (
                                <Anchor
                                  key={kpi.id}
                                  component={Link}
                                  to={urls.kpi(group.initiative.slug, kpi.id)}
                                  size="xs"
                                  title={kpi.name}
                                >
                                  {kpi.code}
                                </Anchor>
                              ))}
                              {mayLinkKpis && (
                                <Button
                                  size="compact-xs"
                                  variant="subtle"
                                  aria-label={t('kpiEditor.open', { title: item.title })}
                                  onClick={() => {
                                    setSaved(null);
                                    setEditing(item.id);
                                  }}
                                >
                                  {t('kpiEditor.openShort')}
                                </Button>
                              )}
                            </Group>
                          )}
                        </Table.Td>
                        <Table.Td>{item.owner?.name ?? t('unowned')}</Table.Td>
                        <Table.Td>{item.dueAt ? <DateTime value={item.dueAt} /> : t('noDue')}</Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {t(`status.${item.status}`)}
                            {item.overdue && <Badge color="red">{t('overdue')}</Badge>}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <ProgressCell value={item.percentComplete} label={t('progressOf', { title: item.title })} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Section>
      <GroupMeetings groupId={group.id} />
      <ScheduleMeetingButton slug={group.initiative.slug} initiativeId={group.initiative.id} groupId={group.id} />
    </>
  );
}
