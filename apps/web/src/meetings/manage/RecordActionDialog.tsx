import { Button, Group, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertForm } from '../../shared/components/AlertForm';
import { Dialog } from '../../shared/components/Dialog';
import { ErrorState, Loading } from '../../shared/components/States';
import { useApiErrorMessage } from '../../shared/errors';
import { useReaderZone } from '../../shared/time/reader-zone';
import { RecordActionMutation } from '../mutations';
import { wallTimeToInstant } from '../zoned-time';
import { usePapers, withNone } from './papers';
import type { Meeting } from './types';
import { useMeetingMutation } from './use-meeting-mutation';

interface Props {
  meeting: Meeting;
  /** Whether the reader may add to the plan of this group (its chairs, or SECRETARIAT). */
  mayUsePlanOf: (groupId: string) => boolean;
  onClose: () => void;
  onRecorded: (title: string) => void;
}

/**
 * Records an action at an agenda item: a TASK in the chosen work plan, with its owner and its
 * deadline (typed in the reader's zone, which the label names); the plan's reminders then apply.
 */
export function RecordActionDialog({ meeting, mayUsePlanOf, onClose, onRecorded }: Props) {
  const { t } = useTranslation('meetings');
  const zone = useReaderZone();
  const papers = usePapers(meeting.initiative.slug);
  const plans = papers.plans.filter((plan) => mayUsePlanOf(plan.groupId));
  const [agendaItemId, setAgendaItemId] = useState(meeting.agenda[0]?.id ?? '');
  const [planId, setPlanId] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [dueTime, setDueTime] = useState('17:00');
  const [record, { loading, error }] = useMeetingMutation(RecordActionMutation, meeting.id, ['Group']);
  const message = useApiErrorMessage(error);
  const chosenPlan = planId || plans[0]?.value || '';
  const submit = () => {
    const dueAt = dueDate ? wallTimeToInstant({ date: dueDate, time: dueTime || '17:00' }, zone) : null;
    void record({
      variables: {
        input: {
          agendaItemId,
          workPlanId: chosenPlan,
          title: title.trim(),
          description: description.trim() || null,
          ownerId: ownerId || null,
          dueAt,
        },
      },
    }).then(
      (result) => {
        onClose();
        if (result.data) onRecorded(result.data.recordAction.title);
      },
      () => undefined,
    );
  };
  return (
    <Dialog opened onClose={onClose} title={t('manage.action.title')} closeLabel={t('manage.closeDialog')} size="lg">
      {papers.error ? (
        <ErrorState error={papers.error} onRetry={() => void papers.refetch()} />
      ) : papers.loading ? (
        <Loading />
      ) : (
        <AlertForm error={error ? message : null} onSubmit={submit}>
          <NativeSelect
            label={t('manage.action.agendaItem')}
            required
            value={agendaItemId}
            onChange={(e) => setAgendaItemId(e.currentTarget.value)}
            data={meeting.agenda.map((item) => ({ value: item.id, label: `${item.position}. ${item.title}` }))}
          />
          <NativeSelect
            label={t('manage.action.workPlan')}
            required
            value={chosenPlan}
            onChange={(e) => setPlanId(e.currentTarget.value)}
            data={plans}
          />
          <TextInput
            label={t('manage.action.taskTitle')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Textarea
            label={t('manage.action.description')}
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('manage.action.owner')}
            value={ownerId}
            onChange={(e) => setOwnerId(e.currentTarget.value)}
            data={withNone(t('nobody'), papers.people)}
          />
          <Group grow>
            <TextInput
              type="date"
              label={t('manage.action.dueDate', { zone })}
              value={dueDate}
              onChange={(e) => setDueDate(e.currentTarget.value)}
            />
            <TextInput
              type="time"
              label={t('manage.action.dueTime', { zone })}
              value={dueTime}
              onChange={(e) => setDueTime(e.currentTarget.value)}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('manage.discard')}
            </Button>
            <Button type="submit" loading={loading} disabled={!agendaItemId || !chosenPlan}>
              {t('manage.action.submit')}
            </Button>
          </Group>
        </AlertForm>
      )}
    </Dialog>
  );
}
