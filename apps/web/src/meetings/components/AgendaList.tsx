import { Anchor, Badge, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { urls } from '../../app/urls';
import type { MeetingQuery } from '../../gql/graphql';
import { DateTime } from '../../shared/time/DateTime';

type AgendaItem = NonNullable<MeetingQuery['meeting']>['agenda'][number];

/** The agenda in its order, each item with what it is for and links to the papers it is about. */
export function AgendaList({ items }: { items: AgendaItem[] }) {
  const { t } = useTranslation('meetings');
  return (
    <List type="ordered" aria-label={t('agenda')} spacing="sm">
      {[...items]
        .sort((a, b) => a.position - b.position)
        .map((item) => (
          <List.Item key={item.id}>
            <Group gap="xs">
              <Text fw={600}>{item.title}</Text>
              <Badge variant="light" size="sm">
                {t(`kinds.${item.kind}`)}
              </Badge>
            </Group>
            {item.presenter && (
              <Text size="sm" c="dimmed">
                {t('presenter', { name: item.presenter.name })}
              </Text>
            )}
            {item.description && <Text size="sm">{item.description}</Text>}
            <AgendaLinks item={item} />
            <AgendaActions item={item} />
          </List.Item>
        ))}
    </List>
  );
}

export function AgendaLinks({ item }: { item: AgendaItem }) {
  const { t } = useTranslation('meetings');
  const links = [
    item.termsOfReference && { to: urls.terms(item.termsOfReference.id), label: item.termsOfReference.title },
    item.ballot && { to: urls.ballot(item.ballot.id), label: t('ballotLink') },
    item.workPlan && {
      to: urls.group(item.workPlan.workingGroup.id),
      label: t('workPlanLink', { code: item.workPlan.workingGroup.code }),
    },
  ].filter((link): link is { to: string; label: string } => Boolean(link));
  if (links.length === 0) return null;
  return (
    <Group gap="sm" role="group" aria-label={t('links', { title: item.title })}>
      {links.map((link) => (
        <Anchor key={link.to} component={Link} to={link.to} size="sm">
          {link.label}
        </Anchor>
      ))}
    </Group>
  );
}

/** The actions recorded at the item: work items of a plan, with their owner and deadline. */
export function AgendaActions({ item }: { item: AgendaItem }) {
  const { t } = useTranslation('meetings');
  if (item.actions.length === 0) return null;
  return (
    <List size="sm" mt={4} aria-label={t('actionsOf', { title: item.title })}>
      {item.actions.map((action) => (
        <List.Item key={action.id}>
          {t('action', { title: action.title, owner: action.owner?.name ?? t('nobody') })}
          {action.dueAt && (
            <>
              {' · '}
              {t('due')} <DateTime value={action.dueAt} />
            </>
          )}
        </List.Item>
      ))}
    </List>
  );
}
