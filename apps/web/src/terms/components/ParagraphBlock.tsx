import { Button, Grid, Group, Paper, Stack, Text, Typography } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentForm } from '../../discussion/components/CommentForm';
import type { CommentActions } from '../../discussion/components/CommentItem';
import { CommentThreads } from '../../discussion/components/CommentThreads';
import type { AmendmentFieldsFragment, CommentThreadFragment } from '../../gql/graphql';
import { renderMarkdown } from '../markdown';
import { AmendmentCard } from './AmendmentCard';

export interface ParagraphBlockProps {
  number: number;
  text: string;
  comments: CommentThreadFragment[];
  /** PROPOSED amendments of this paragraph of the current version. */
  proposals: AmendmentFieldsFragment[];
  actions: CommentActions;
  /** Null for a reader who may not comment or propose (an observer). */
  onComment: ((body: string, parentId?: string) => Promise<string | null>) | null;
  onPropose: (() => void) | null;
  /** Why "Propose a change" is disabled (an OPEN ballot), or null. */
  proposeDisabled: string | null;
  onWithdraw: (id: string) => void;
}

/** One paragraph of the current version, its comments beside it (count, expand), "Comment" and "Propose a change". */
export function ParagraphBlock(props: ParagraphBlockProps) {
  const { number, text, comments, proposals, actions, onComment, onPropose, proposeDisabled, onWithdraw } = props;
  const { t } = useTranslation('terms');
  const { t: d } = useTranslation('discussion');
  const [open, setOpen] = useState(false);
  const [writing, setWriting] = useState(false);
  const panel = useId();
  const label = t('paragraph.label', { number });
  const count = comments.reduce((n, c) => n + 1 + c.replies.length, 0);
  return (
    <Paper
      component="section"
      aria-label={label}
      withBorder={false}
      py="xs"
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Typography>
            {/* Sanitised by DOMPurify (markdown.ts): a document's text never runs as code. */}
            <div dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />
          </Typography>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="xs">
            <Group gap="xs">
              <Button
                size="compact-sm"
                variant="light"
                aria-expanded={open}
                aria-controls={panel}
                aria-label={t('paragraph.comments', { count, number })}
                onClick={() => setOpen(!open)}
              >
                {t('paragraph.commentsShort', { count })}
              </Button>
              {onComment && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  aria-label={t('paragraph.comment', { number })}
                  onClick={() => {
                    setOpen(true);
                    setWriting(true);
                  }}
                >
                  {t('paragraph.commentShort')}
                </Button>
              )}
              {onPropose && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  aria-label={t('paragraph.propose', { number })}
                  disabled={Boolean(proposeDisabled)}
                  onClick={onPropose}
                >
                  {t('paragraph.proposeShort')}
                </Button>
              )}
            </Group>
            {proposals.length > 0 && (
              <Text size="sm" fw={600}>
                {t('paragraph.proposals', { count: proposals.length })}
              </Text>
            )}
            {proposals.map((a) => (
              <AmendmentCard
                key={a.id}
                amendment={a}
                onWithdraw={a.proposer.id === actions.meId ? () => onWithdraw(a.id) : undefined}
              />
            ))}
            <div id={panel} hidden={!open}>
              {open && (
                <Stack gap="xs">
                  <CommentThreads
                    comments={comments}
                    actions={actions}
                    onReply={onComment ? (parentId, body) => onComment(body, parentId) : null}
                    label={t('paragraph.commentsList', { number })}
                    empty={d('comments.none')}
                  />
                  {onComment && writing && (
                    <CommentForm
                      label={t('paragraph.comment', { number })}
                      submitLabel={d('comments.post')}
                      onSubmit={(body) => onComment(body)}
                      onCancel={() => setWriting(false)}
                    />
                  )}
                </Stack>
              )}
            </div>
          </Stack>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
