import { Button, Group, NativeSelect, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertForm } from '../../shared/components/AlertForm';
import { Dialog } from '../../shared/components/Dialog';
import { ErrorState, Loading } from '../../shared/components/States';
import { useApiErrorMessage } from '../../shared/errors';
import { RecordDecisionMutation } from '../mutations';
import { usePapers, withNone } from './papers';
import type { Meeting } from './types';
import { useMeetingMutation } from './use-meeting-mutation';

interface Props {
  meeting: Meeting;
  onClose: () => void;
  /** With the number the register gave it, e.g. U4SSC-3/1. */
  onRecorded: (number: string) => void;
}

/** Records a decision of the meeting, at an agenda item or not, citing the ballot it follows if any. */
export function RecordDecisionDialog({ meeting, onClose, onRecorded }: Props) {
  const { t } = useTranslation('meetings');
  const papers = usePapers(meeting.initiative.slug);
  const [text, setText] = useState('');
  const [agendaItemId, setAgendaItemId] = useState('');
  const [ballotId, setBallotId] = useState('');
  const [record, { loading, error }] = useMeetingMutation(RecordDecisionMutation, meeting.id, ['DecisionsRegister']);
  const message = useApiErrorMessage(error);
  const submit = () =>
    void record({
      variables: {
        input: { meetingId: meeting.id, text: text.trim(), agendaItemId: agendaItemId || null, ballotId: ballotId || null },
      },
    }).then(
      (result) => {
        onClose();
        if (result.data) onRecorded(result.data.recordDecision.number);
      },
      () => undefined,
    );
  return (
    <Dialog opened onClose={onClose} title={t('manage.decision.title')} closeLabel={t('manage.closeDialog')} size="lg">
      {papers.error ? (
        <ErrorState error={papers.error} onRetry={() => void papers.refetch()} />
      ) : papers.loading ? (
        <Loading />
      ) : (
        <AlertForm error={error ? message : null} onSubmit={submit}>
          <Textarea
            label={t('manage.decision.text')}
            required
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('manage.decision.agendaItem')}
            value={agendaItemId}
            onChange={(e) => setAgendaItemId(e.currentTarget.value)}
            data={withNone(
              t('manage.papers.none'),
              meeting.agenda.map((item) => ({ value: item.id, label: `${item.position}. ${item.title}` })),
            )}
          />
          <NativeSelect
            label={t('manage.decision.ballot')}
            value={ballotId}
            onChange={(e) => setBallotId(e.currentTarget.value)}
            data={withNone(t('manage.papers.none'), papers.ballots)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('manage.discard')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('manage.decision.submit')}
            </Button>
          </Group>
        </AlertForm>
      )}
    </Dialog>
  );
}
