import { Alert, Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VotePosition } from '../../gql/graphql';

const POSITIONS: VotePosition[] = ['APPROVE', 'OBJECT', 'ABSTAIN'];

export interface VoteFormProps {
  current?: { position: VotePosition; comment?: string | null } | null;
  busy: boolean;
  error: string | null;
  onCast: (position: VotePosition, comment: string) => void;
}

/** Radiogroup "Your vote", textbox "Comment" (required to object), button "Cast vote". */
export function VoteForm({ current, busy, error, onCast }: VoteFormProps) {
  const { t } = useTranslation('ballots');
  const [position, setPosition] = useState<VotePosition | ''>(current?.position ?? '');
  const [comment, setComment] = useState(current?.comment ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    if (!position) return;
    if (position === 'OBJECT' && !comment.trim()) return setProblem(t('vote.commentRequired'));
    setProblem(null);
    onCast(position, comment.trim());
  };
  const message = problem ?? error;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack>
        <Radio.Group label={t('vote.legend')} value={position} onChange={(value) => setPosition(value as VotePosition)} required>
          <Group mt="xs" gap="lg">
            {POSITIONS.map((p) => (
              <Radio key={p} value={p} label={t(`vote.${p}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t('vote.comment')}
          description={t('vote.commentHelp')}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={8}
          // Shown as required, checked here: the browser's own check would hide our message.
          withAsterisk={position === 'OBJECT'}
          aria-invalid={problem ? true : undefined}
        />
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={busy} disabled={!position}>
            {t('vote.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
