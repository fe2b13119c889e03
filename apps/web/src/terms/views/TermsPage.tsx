import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Code, Grid, Group, List, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFound } from '../../app/NotFound';
import { urls } from '../../app/urls';
import { PageTitle } from '../../shared/components/PageTitle';
import { Section } from '../../shared/components/Section';
import { EmptyState, ErrorState, Loading } from '../../shared/components/States';
import { DateTime } from '../../shared/time/DateTime';
import { CommentForm } from '../../discussion/components/CommentForm';
import { CommentThreads } from '../../discussion/components/CommentThreads';
import { paragraphsOf } from '../../discussion/paragraphs';
import {
  AcceptAmendmentsMutation,
  CommentOnTermsMutation,
  ProposeAmendmentMutation,
  RejectAmendmentMutation,
  WithdrawAmendmentMutation,
} from '../../discussion/queries';
import { useCommentActions } from '../../discussion/use-comment-actions';
import { isChairOrVice, useMyRoles } from '../../shared/permissions/use-my-roles';
import { AmendmentCard } from '../components/AmendmentCard';
import { DispositionDownloads } from '../components/DispositionDownloads';
import { ParagraphBlock } from '../components/ParagraphBlock';
import { ProposeChangeDialog } from '../components/ProposeChangeDialog';
import { ReviewQueue } from '../components/ReviewQueue';
import { VersionDiff } from '../components/VersionDiff';
import { TermsQuery } from '../queries';

/**
 * /terms/<id>: the current version (sanitised) paragraph by paragraph with each paragraph's comments
 * and proposed changes beside it, general comments, the chairs' review queue, the disposition of
 * comments, the list of versions, and a diff of any two.
 */
export function TermsPage() {
  const { t } = useTranslation('terms');
  const { t: d } = useTranslation('discussion');
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(TermsQuery, { variables: { id } });
  const doc = data?.termsOfReference;
  const roles = useMyRoles(doc?.initiative.slug, doc?.workingGroup?.id);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [shown, setShown] = useState<[number, number] | null>(null);
  const [proposing, setProposing] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [noticeError, setNoticeError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState<[number, number] | null>(null);
  const { attempt, ...commentActions } = useCommentActions(() => refetch());
  const [comment] = useMutation(CommentOnTermsMutation);
  const [propose] = useMutation(ProposeAmendmentMutation);
  const [acceptAmendments] = useMutation(AcceptAmendmentsMutation);
  const [reject] = useMutation(RejectAmendmentMutation);
  const [withdraw] = useMutation(WithdrawAmendmentMutation);
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  if (!doc) return <NotFound />;
  const me = data.me.id;
  const current = doc.versions.find((v) => v.id === doc.currentVersion.id) ?? doc.versions[doc.versions.length - 1];
  const numbers = doc.versions.map((v) => v.number);
  const fromNumber = from ?? numbers[Math.max(0, numbers.length - 2)];
  const toNumber = to ?? numbers[numbers.length - 1];
  const byNumber = (n: number) => doc.versions.find((v) => v.number === n)!;
  // What the reader may do (the server decides as well): comment and propose, or revise.
  const inGroup = roles?.group === 'CHAIR' || roles?.group === 'VICE_CHAIR' || roles?.group === 'MEMBER';
  const mayComment = Boolean(roles && (roles.secretariat || (doc.workingGroup ? inGroup : !roles.observer)));
  const mayRevise = Boolean(roles && (doc.workingGroup ? isChairOrVice(roles) : roles.secretariat));
  const openBallot = doc.ballots.some((b) => b.status === 'OPEN');
  const frozen = openBallot ? t('propose.frozen') : null;
  const paragraphs = paragraphsOf(current.body);
  const threads = doc.comments.edges.map((e) => e.node);
  const onParagraph = (n: number) => threads.filter((c) => c.version?.id === current.id && c.paragraph === n);
  const general = threads.filter(
    (c) => !(c.version?.id === current.id && c.paragraph != null && c.paragraph <= paragraphs.length),
  );
  const proposed = doc.amendments.filter((a) => a.status === 'PROPOSED');
  const decided = doc.amendments.filter((a) => a.status !== 'PROPOSED');
  const actions = { meId: me, mayModerate: Boolean(roles?.secretariat), ...commentActions };
  /** Runs a change and says so in role status, or why not in role alert (for actions without a form). */
  const report = (run: () => Promise<unknown>, success: string) =>
    attempt(run).then((refused) => {
      setNotice(refused ? null : success);
      setNoticeError(refused);
      return refused;
    });
  const postComment = (body: string, paragraph: number | null, parentId?: string) =>
    report(
      () =>
        comment({
          variables: {
            input: {
              termsOfReferenceId: doc.id,
              body,
              ...(parentId ? { parentId } : paragraph ? { versionId: current.id, paragraph } : {}),
            },
          },
        }),
      parentId ? d('comments.replied') : d('comments.posted'),
    );
  const where = (c: (typeof threads)[number]) =>
    c.version && c.paragraph ? t('paragraph.where', { version: c.version.number, number: c.paragraph }) : undefined;
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
          {(notice || noticeError) && (
            <Alert color={noticeError ? 'red' : 'green'} role={noticeError ? 'alert' : 'status'} mb="md">
              {noticeError ?? notice}
            </Alert>
          )}
          <Section title={t('version', { number: current.number })}>
            {mayComment && frozen && (
              <Text size="sm" c="dimmed" mb="sm">
                {frozen}
              </Text>
            )}
            {paragraphs.map((text, i) => (
              <ParagraphBlock
                key={`${current.id}-${i}`}
                number={i + 1}
                text={text}
                comments={onParagraph(i + 1)}
                proposals={proposed.filter((a) => a.baseVersion.id === current.id && a.paragraph === i + 1)}
                actions={actions}
                onComment={mayComment ? (body, parentId) => postComment(body, i + 1, parentId) : null}
                onPropose={mayComment ? () => setProposing(i + 1) : null}
                proposeDisabled={frozen}
                onWithdraw={(amendmentId) =>
                  void report(() => withdraw({ variables: { id: amendmentId } }), t('amendments.withdrawn'))
                }
              />
            ))}
            <Text size="xs" c="dimmed" mt="sm">
              {t('hash')} <Code>{current.contentHash}</Code>
            </Text>
          </Section>
          {proposing !== null && paragraphs[proposing - 1] !== undefined && (
            <ProposeChangeDialog
              paragraph={proposing}
              original={paragraphs[proposing - 1]}
              onClose={() => setProposing(null)}
              onPropose={(proposedText, rationale) =>
                report(
                  () =>
                    propose({
                      variables: {
                        input: { termsOfReferenceId: doc.id, paragraph: proposing, proposedText, rationale: rationale || null },
                      },
                    }),
                  t('propose.done', { paragraph: proposing }),
                ).then((refused) => {
                  if (!refused) setProposing(null);
                  else setNoticeError(null);
                  return refused;
                })
              }
            />
          )}
          <Section title={d('general.title')}>
            <Stack>
              <CommentThreads
                comments={general}
                actions={actions}
                onReply={mayComment ? (parentId, body) => postComment(body, null, parentId) : null}
                label={d('general.list')}
                empty={d('general.none')}
                where={where}
              />
              {doc.comments.pageInfo.hasNextPage && (
                <Text size="sm" c="dimmed">
                  {d('general.more', { count: doc.comments.totalCount })}
                </Text>
              )}
              {mayComment && (
                <CommentForm
                  label={d('general.label')}
                  submitLabel={d('comments.post')}
                  onSubmit={(body) => postComment(body, null)}
                />
              )}
            </Stack>
          </Section>
          {mayRevise && (
            <Section title={t('review.title')}>
              <Stack>
                {accepted && doc.versions.some((v) => v.number === accepted[1]) && (
                  <Stack gap="xs">
                    <Text role="status">{t('review.accepted', { number: accepted[1] })}</Text>
                    <VersionDiff
                      before={byNumber(accepted[0]).body}
                      after={byNumber(accepted[1]).body}
                      label={t('compare.result', { from: accepted[0], to: accepted[1] })}
                    />
                  </Stack>
                )}
                <ReviewQueue
                  proposed={proposed}
                  frozen={frozen}
                  onAccept={(ids, resolution, changeSummary) => {
                    let created: number | null = null;
                    const previous = doc.currentVersion.number;
                    return attempt(() =>
                      acceptAmendments({
                        variables: {
                          input: {
                            termsOfReferenceId: doc.id,
                            amendmentIds: ids,
                            resolution: resolution || null,
                            changeSummary: changeSummary || null,
                          },
                        },
                      }).then(({ data: result }) => {
                        created = result?.acceptAmendments.number ?? null;
                      }),
                    ).then((refused) => {
                      if (!refused && created !== null) {
                        setNotice(null);
                        setNoticeError(null);
                        setAccepted([previous, created]);
                      }
                      return refused;
                    });
                  }}
                  onReject={(amendmentId, reason) =>
                    report(() => reject({ variables: { id: amendmentId, reason } }), t('review.rejected')).then((refused) => {
                      if (refused) setNoticeError(null);
                      return refused;
                    })
                  }
                />
              </Stack>
            </Section>
          )}
          <Section title={t('amendments.decided')}>
            {decided.length === 0 ? (
              <EmptyState>{t('amendments.noneDecided')}</EmptyState>
            ) : (
              <List aria-label={t('amendments.decided')} listStyleType="none" withPadding={false} spacing="sm">
                {decided.map((a) => (
                  <List.Item key={a.id}>
                    <AmendmentCard amendment={a} />
                  </List.Item>
                ))}
              </List>
            )}
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
          <Section title={t('disposition.title')}>
            <DispositionDownloads id={doc.id} fileStem={t('disposition.file', { title: doc.title })} />
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
