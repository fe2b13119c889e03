import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { urls } from '../../app/urls';
import type { MeetingQuery } from '../../gql/graphql';

type Decision = NonNullable<MeetingQuery['meeting']>['decisions'][number];

/** The meeting's decisions by number, each with the outcome of the ballot it cites. */
export function DecisionList({ decisions }: { decisions: Decision[] }) {
  const { t } = useTranslation('meetings');
  return (
    <List aria-label={t('decisions')} spacing="sm" listStyleType="none" withPadding={false}>
      {decisions.map((decision) => (
        <List.Item key={decision.id}>
          <Text>
            <Text span fw={700}>
              {decision.number}
            </Text>{' '}
            {decision.text}
          </Text>
          {decision.ballot && (
            <Anchor component={Link} to={urls.ballot(decision.ballot.id)} size="sm">
              {t('ballotOutcome', { outcome: t(`outcomes.${decision.ballot.outcome ?? 'PENDING'}`) })}
            </Anchor>
          )}
        </List.Item>
      ))}
    </List>
  );
}
