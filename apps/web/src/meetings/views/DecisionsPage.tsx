import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFound } from '../../app/NotFound';
import { urls } from '../../app/urls';
import { PageTitle } from '../../shared/components/PageTitle';
import { EmptyState, ErrorState, Loading } from '../../shared/components/States';
import { DateTime } from '../../shared/time/DateTime';
import { useReaderZone } from '../../shared/time/reader-zone';
import { DecisionsRegisterQuery } from '../manage-queries';

/**
 * /i/<slug>/decisions: the decisions register, newest first: each decision's number, text, the
 * meeting that took it, when (in the reader's zone, named) and the outcome of the ballot it cites.
 */
export function DecisionsPage() {
  const { t } = useTranslation('meetings');
  const { slug = '' } = useParams();
  const zone = useReaderZone();
  const { data, error, refetch, fetchMore, loading } = useQuery(DecisionsRegisterQuery, { variables: { slug } });
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const initiative = data.initiative;
  if (!initiative) return <NotFound />;
  const { edges, pageInfo, totalCount } = initiative.decisions;
  return (
    <>
      <Anchor component={Link} to={urls.initiative(slug)} size="sm">
        {t('register.breadcrumb', { name: initiative.name })}
      </Anchor>
      <PageTitle>{t('register.title')}</PageTitle>
      <Text c="dimmed" mb="md">
        {t('register.count', { count: totalCount })} {t('register.zone', { zone })}
      </Text>
      {edges.length === 0 ? (
        <EmptyState>{t('register.empty')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="sm">
            <Table.Caption>{t('register.caption', { name: initiative.name })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('register.columns.number')}</Table.Th>
                <Table.Th scope="col">{t('register.columns.text')}</Table.Th>
                <Table.Th scope="col">{t('register.columns.meeting')}</Table.Th>
                <Table.Th scope="col">{t('register.columns.date')}</Table.Th>
                <Table.Th scope="col">{t('register.columns.ballot')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {edges.map(({ node: decision }) => (
                <Table.Tr key={decision.id}>
                  <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                    {decision.number}
                  </Table.Th>
                  <Table.Td>{decision.text}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={urls.meeting(decision.meeting.id)}>
                      {decision.meeting.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <DateTime value={decision.recordedAt} />
                  </Table.Td>
                  <Table.Td>
                    {decision.ballot ? (
                      <Anchor component={Link} to={urls.ballot(decision.ballot.id)}>
                        {t('register.ballot', {
                          title: decision.ballot.termsOfReference.title,
                          outcome: t(`outcomes.${decision.ballot.outcome ?? 'PENDING'}`),
                        })}
                      </Anchor>
                    ) : (
                      t('register.noBallot')
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {error && <ErrorState error={error} />}
      {pageInfo.hasNextPage && (
        <Button
          variant="outline"
          mt="md"
          loading={loading}
          onClick={() =>
            void fetchMore({
              variables: { after: pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => {
                if (!previous.initiative || !fetchMoreResult.initiative) return previous as typeof fetchMoreResult;
                return {
                  ...fetchMoreResult,
                  initiative: {
                    ...fetchMoreResult.initiative,
                    decisions: {
                      ...fetchMoreResult.initiative.decisions,
                      edges: [...previous.initiative.decisions.edges, ...fetchMoreResult.initiative.decisions.edges],
                    },
                  },
                };
              },
            })
          }
        >
          {t('register.more')}
        </Button>
      )}
    </>
  );
}
