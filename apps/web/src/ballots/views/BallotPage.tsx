import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFound } from '../../app/NotFound';
import { urls } from '../../app/urls';
import { PageTitle } from '../../shared/components/PageTitle';
import { Section } from '../../shared/components/Section';
import { ErrorState, Loading } from '../../shared/components/States';
import { useApiErrorMessage } from '../../shared/errors';
import { DateTime } from '../../shared/time/DateTime';
import { BallotFacts } from '../components/BallotFacts';
import { ReceiptPanel } from '../components/ReceiptPanel';
import { TallyTable } from '../components/TallyTable';
import { VerifyReceipt } from '../components/VerifyReceipt';
import { VoteForm } from '../components/VoteForm';
import { useLiveBallot } from '../live';
import { BallotQuery, CastVoteMutation } from '../queries';
import { receipts, type StoredReceipt } from '../receipts';

/** /ballots/<id>: the rule, quorum and closing time; cast or change my vote; receipt; tally once closed. */
export function BallotPage() {
  const { t } = useTranslation('ballots');
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(BallotQuery, { variables: { id } });
  useLiveBallot(id);
  const [cast, casting] = useMutation(CastVoteMutation);
  const castError = useApiErrorMessage(casting.error);
  const [fresh, setFresh] = useState<StoredReceipt | null>(null);
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const ballot = data.ballot;
  if (!ballot) return <NotFound />;
  const me = data.me.id;
  const receipt = fresh ?? receipts.load(ballot.id, me);
  const open = ballot.status === 'OPEN';
  const document = ballot.termsOfReference;
  const onCast = (position: 'APPROVE' | 'OBJECT' | 'ABSTAIN', comment: string) =>
    cast({ variables: { input: { ballotId: ballot.id, position, comment: comment || null } } }).then(
      ({ data: result }) => {
        if (!result) return;
        const stored: StoredReceipt = {
          ballotId: ballot.id,
          document: document.title,
          version: ballot.version.number,
          position: result.castVote.vote.position,
          revision: result.castVote.vote.revision,
          castAt: result.castVote.vote.castAt,
          receipt: result.castVote.receipt,
        };
        receipts.save(me, stored);
        setFresh(stored);
        return refetch();
      },
      () => undefined,
    );
  return (
    <>
      <Anchor component={Link} to={urls.terms(document.id)} size="sm">
        {t('document', { version: ballot.version.number })} {document.title}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{document.title}</PageTitle>
        <Badge size="lg" variant="light" color={open ? 'un' : 'gray'}>
          {t(`status.${ballot.status}`)}
        </Badge>
      </Group>
      <Text fw={600} size="lg" mb="md">
        {t('participation', { count: ballot.votesCast, total: ballot.electorateSize })}
      </Text>
      <BallotFacts
        rule={ballot.rule}
        quorum={ballot.quorum}
        electorateSize={ballot.electorateSize}
        closesAt={ballot.closesAt}
        open={open}
      />
      <Section title={t('vote.title')}>
        <Stack>
          {ballot.myVote && (
            <Text>
              {t('vote.current', { position: t(`vote.${ballot.myVote.position}`), revision: ballot.myVote.revision })}{' '}
              <DateTime value={ballot.myVote.castAt} />
            </Text>
          )}
          {receipt && <ReceiptPanel receipt={receipt} />}
          {!ballot.eligibleToVote ? (
            <Alert color="gray" variant="light">
              {t('vote.notElector')}
            </Alert>
          ) : !open ? (
            <Text>{t('vote.closedNoVote')}</Text>
          ) : (
            <>
              {ballot.myVote && <Text c="dimmed">{t('vote.change')}</Text>}
              <VoteForm
                key={ballot.myVote?.revision ?? 0}
                current={ballot.myVote}
                busy={casting.loading}
                error={casting.error ? castError : null}
                onCast={(p, c) => void onCast(p, c)}
              />
            </>
          )}
        </Stack>
      </Section>
      {ballot.status !== 'OPEN' && (
        <Section title={t('result.title')}>
          {ballot.status === 'CANCELLED' ? (
            <Text>{t('result.cancelled')}</Text>
          ) : (
            ballot.tally && <TallyTable tally={ballot.tally} outcome={ballot.outcome} chainHead={ballot.chainHead} />
          )}
        </Section>
      )}
      <Section title={t('verify.title')}>
        <VerifyReceipt ballotId={ballot.id} />
      </Section>
    </>
  );
}
