import { Alert, Button, Checkbox, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmendmentFieldsFragment } from '../../gql/graphql';
import { AlertForm } from '../../shared/components/AlertForm';
import { Dialog } from '../../shared/components/Dialog';
import { EmptyState } from '../../shared/components/States';
import { AmendmentCard } from './AmendmentCard';

export interface ReviewQueueProps {
  proposed: AmendmentFieldsFragment[];
  /** Why the text is frozen (an OPEN ballot), or null: then nothing can be accepted. */
  frozen: string | null;
  /** Resolve to an error message (role alert), or null when done. */
  onAccept: (ids: string[], resolution: string, changeSummary: string) => Promise<string | null>;
  onReject: (id: string, reason: string) => Promise<string | null>;
}

/**
 * The chairs' queue of PROPOSED amendments: tick several and accept them together (one new version,
 * one resolution for all), or reject one with a reason (required).
 */
export function ReviewQueue({ proposed, frozen, onAccept, onReject }: ReviewQueueProps) {
  const { t } = useTranslation('terms');
  const [selected, setSelected] = useState<string[]>([]);
  const [resolution, setResolution] = useState('');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState<AmendmentFieldsFragment | null>(null);
  const [reason, setReason] = useState('');
  const [rejectError, setRejectError] = useState<string | null>(null);
  if (proposed.length === 0) return <EmptyState>{t('review.empty')}</EmptyState>;
  const toggle = (id: string, on: boolean) => setSelected((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  const chosen = selected.filter((id) => proposed.some((a) => a.id === id));
  const accept = () => {
    if (chosen.length === 0) {
      setError(t('review.noneSelected'));
      return;
    }
    setBusy(true);
    void onAccept(chosen, resolution, summary).then((refused) => {
      setBusy(false);
      setError(refused);
      if (!refused) {
        setSelected([]);
        setResolution('');
        setSummary('');
      }
    });
  };
  const reject = () => {
    if (!rejecting) return;
    if (!reason.trim()) {
      setRejectError(t('review.reasonRequired'));
      return;
    }
    void onReject(rejecting.id, reason).then((refused) => {
      setRejectError(refused);
      if (!refused) {
        setRejecting(null);
        setReason('');
      }
    });
  };
  return (
    <Stack>
      {frozen && (
        <Alert color="yellow" variant="light">
          {frozen}
        </Alert>
      )}
      <AlertForm error={error} onSubmit={accept}>
        <Stack gap="sm">
          {proposed.map((a) => (
            <AmendmentCard
              key={a.id}
              amendment={a}
              leading={
                <Checkbox
                  aria-label={t('review.select', { paragraph: a.paragraph, name: a.proposer.name })}
                  checked={chosen.includes(a.id)}
                  onChange={(e) => toggle(a.id, e.currentTarget.checked)}
                />
              }
              trailing={
                <Button
                  size="compact-xs"
                  variant="outline"
                  color="red"
                  aria-label={t('review.rejectOne', { paragraph: a.paragraph, name: a.proposer.name })}
                  onClick={() => {
                    setRejectError(null);
                    setRejecting(a);
                  }}
                >
                  {t('review.reject')}
                </Button>
              }
            />
          ))}
        </Stack>
        <Textarea
          label={t('review.resolution')}
          description={t('review.resolutionHelp')}
          value={resolution}
          onChange={(e) => setResolution(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <TextInput label={t('review.changeSummary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />
        <Group>
          <Button type="submit" loading={busy} disabled={Boolean(frozen)}>
            {t('review.accept', { count: chosen.length })}
          </Button>
          <Text size="sm" c="dimmed">
            {t('review.acceptHelp')}
          </Text>
        </Group>
      </AlertForm>
      {rejecting && (
        <Dialog
          opened
          onClose={() => setRejecting(null)}
          title={t('review.rejectTitle', { paragraph: rejecting.paragraph, name: rejecting.proposer.name })}
          closeLabel={t('close')}
        >
          <AlertForm error={rejectError} onSubmit={reject}>
            <Textarea
              label={t('review.reason')}
              withAsterisk
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRejecting(null)}>
                {t('cancel')}
              </Button>
              <Button type="submit" color="red">
                {t('review.confirmReject')}
              </Button>
            </Group>
          </AlertForm>
        </Dialog>
      )}
    </Stack>
  );
}
