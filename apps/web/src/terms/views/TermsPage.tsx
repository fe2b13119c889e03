import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Code, Grid, Group, List, NativeSelect, Stack, Text, Typography } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFound } from '../../app/NotFound';
import { urls } from '../../app/urls';
import { PageTitle } from '../../shared/components/PageTitle';
import { Section } from '../../shared/components/Section';
import { EmptyState, ErrorState, Loading } from '../../shared/components/States';
import { DateTime } from '../../shared/time/DateTime';
import { VersionDiff } from '../components/VersionDiff';
import { renderMarkdown } from '../markdown';
import { TermsQuery } from '../queries';

/** /terms/<id>: the current version rendered (sanitised), the list of versions, and a diff of any two. */
export function TermsPage() {
  const { t } = useTranslation('terms');
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(TermsQuery, { variables: { id } });
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [shown, setShown] = useState<[number, number] | null>(null);
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const doc = data.termsOfReference;
  if (!doc) return <NotFound />;
  const current = doc.versions.find((v) => v.id === doc.currentVersion.id) ?? doc.versions[doc.versions.length - 1];
  const numbers = doc.versions.map((v) => v.number);
  const fromNumber = from ?? numbers[Math.max(0, numbers.length - 2)];
  const toNumber = to ?? numbers[numbers.length - 1];
  const byNumber = (n: number) => doc.versions.find((v) => v.number === n)!;
  const owner = doc.workingGroup
    ? { to: urls.group(doc.workingGroup.id), name: `${doc.workingGroup.code} ${doc.workingGroup.name}` }
    : { to: urls.initiative(doc.initiative.slug), name: doc.initiative.name };
  return (
    <>
      <Anchor component={Link} to={owner.to} size="sm">
        {owner.name}
      </Anchor>
      <PageTitle>{doc.title}</PageTitle>
      <Group gap="sm" mb="md">
        <Badge variant="light">{t(`statuses.${doc.status}`)}</Badge>
        <Text>{t('current', { number: doc.currentVersion.number })}</Text>
        <Text c="dimmed">{doc.approvedVersion ? t('approved', { number: doc.approvedVersion.number }) : t('noApproved')}</Text>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Section title={t('version', { number: current.number })}>
            <Typography>
              {/* Sanitised by DOMPurify (markdown.ts): a document's text never runs as code. */}
              <div dangerouslySetInnerHTML={{ __html: renderMarkdown(current.body) }} />
            </Typography>
            <Text size="xs" c="dimmed" mt="sm">
              {t('hash')} <Code>{current.contentHash}</Code>
            </Text>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Section title={t('versions')}>
            <List aria-label={t('versions')} spacing="sm" listStyleType="none" withPadding={false}>
              {[...doc.versions].reverse().map((v) => (
                <List.Item key={v.id}>
                  <Text fw={600}>{t('versionLine', { number: v.number, author: v.author.name })}</Text>
                  <Text size="sm" c="dimmed">
                    <DateTime value={v.createdAt} />
                  </Text>
                  {v.changeSummary && <Text size="sm">{v.changeSummary}</Text>}
                </List.Item>
              ))}
            </List>
          </Section>
          <Section title={t('ballots')}>
            {doc.ballots.length === 0 ? (
              <EmptyState>{t('noBallots')}</EmptyState>
            ) : (
              <List spacing="xs" listStyleType="none" withPadding={false}>
                {doc.ballots.map((b) => (
                  <List.Item key={b.id}>
                    <Anchor component={Link} to={urls.ballot(b.id)}>
                      {t(`ballotStatus.${b.status}`)}
                    </Anchor>
                    <Text size="sm">
                      {t('ballotLine')} <DateTime value={b.closesAt} />
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
        </Grid.Col>
      </Grid>
      <Section title={t('compare.title')}>
        {numbers.length < 2 ? (
          <EmptyState>{t('compare.single')}</EmptyState>
        ) : (
          <Stack>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                setShown([fromNumber, toNumber]);
              }}
            >
              <Group align="flex-end">
                <NativeSelect
                  label={t('compare.from')}
                  value={String(fromNumber)}
                  onChange={(e) => setFrom(Number(e.currentTarget.value))}
                  data={numbers.map(String)}
                />
                <NativeSelect
                  label={t('compare.to')}
                  value={String(toNumber)}
                  onChange={(e) => setTo(Number(e.currentTarget.value))}
                  data={numbers.map(String)}
                />
                <Button type="submit">{t('compare.submit')}</Button>
              </Group>
            </form>
            {shown &&
              (shown[0] === shown[1] ? (
                <Text role="status">{t('compare.same')}</Text>
              ) : (
                <VersionDiff
                  before={byNumber(shown[0]).body}
                  after={byNumber(shown[1]).body}
                  label={t('compare.result', { from: shown[0], to: shown[1] })}
                />
              ))}
          </Stack>
        )}
      </Section>
    </>
  );
}
