import { Button, Group, NativeSelect, NumberInput, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItemKind } from '../../gql/graphql';
import { AlertForm } from '../../shared/components/AlertForm';
import { Dialog } from '../../shared/components/Dialog';
import { ErrorState, Loading } from '../../shared/components/States';
import { useApiErrorMessage } from '../../shared/errors';
import { AddAgendaItemMutation, UpdateAgendaItemMutation } from '../mutations';
import { usePapers, withNone } from './papers';
import type { AgendaItem, Meeting } from './types';
import { useMeetingMutation } from './use-meeting-mutation';

const KINDS: AgendaItemKind[] = ['INFORMATION', 'DISCUSSION', 'DECISION'];

interface Props {
  meeting: Meeting;
  /** null: a new item, added at the end. */
  item: AgendaItem | null;
  onClose: () => void;
  onSaved: (title: string) => void;
}

/** Adds or edits an agenda item: its title, kind, length, description and the papers it is about. */
export function AgendaItemDialog({ meeting, item, onClose, onSaved }: Props) {
  const { t } = useTranslation('meetings');
  const papers = usePapers(meeting.initiative.slug);
  const [title, setTitle] = useState(item?.title ?? '');
  const [kind, setKind] = useState<AgendaItemKind>(item?.kind ?? 'DISCUSSION');
  const [description, setDescription] = useState(item?.description ?? '');
  const [duration, setDuration] = useState<number | string>(item?.durationMinutes ?? '');
  const [termsId, setTermsId] = useState(item?.termsOfReference?.id ?? '');
  const [ballotId, setBallotId] = useState(item?.ballot?.id ?? '');
  const [planId, setPlanId] = useState(item?.workPlan?.id ?? '');
  const [add, adding] = useMeetingMutation(AddAgendaItemMutation, meeting.id);
  const [update, updating] = useMeetingMutation(UpdateAgendaItemMutation, meeting.id);
  const failed = adding.error ?? updating.error;
  const message = useApiErrorMessage(failed);
  const submit = () => {
    const fields = {
      title: title.trim(),
      kind,
      description: description.trim() || null,
      durationMinutes: typeof duration === 'number' ? duration : null,
      termsOfReferenceId: termsId || null,
      ballotId: ballotId || null,
      workPlanId: planId || null,
    };
    const saved = item
      ? update({ variables: { input: { id: item.id, ...fields } } })
      : add({ variables: { input: { meetingId: meeting.id, ...fields } } });
    void saved.then(
      () => {
        onClose();
        onSaved(fields.title);
      },
      () => undefined,
    );
  };
  return (
    <Dialog
      opened
      onClose={onClose}
      title={item ? t('manage.agenda.editTitle', { title: item.title }) : t('manage.agenda.addTitle')}
      closeLabel={t('manage.closeDialog')}
      size="lg"
    >
      {papers.error ? (
        <ErrorState error={papers.error} onRetry={() => void papers.refetch()} />
      ) : papers.loading ? (
        <Loading />
      ) : (
        <AlertForm error={failed ? message : null} onSubmit={submit}>
          <TextInput
            label={t('manage.agenda.fields.title')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('manage.agenda.fields.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as AgendaItemKind)}
            data={KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
          />
          <NumberInput
            label={t('manage.agenda.fields.duration')}
            min={1}
            max={1440}
            allowDecimal={false}
            value={duration}
            onChange={setDuration}
          />
          <Textarea
            label={t('manage.agenda.fields.description')}
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('manage.agenda.fields.terms')}
            value={termsId}
            onChange={(e) => setTermsId(e.currentTarget.value)}
            data={withNone(t('manage.papers.none'), papers.terms)}
          />
          <NativeSelect
            label={t('manage.agenda.fields.ballot')}
            value={ballotId}
            onChange={(e) => setBallotId(e.currentTarget.value)}
            data={withNone(t('manage.papers.none'), papers.ballots)}
          />
          <NativeSelect
            label={t('manage.agenda.fields.workPlan')}
            value={planId}
            onChange={(e) => setPlanId(e.currentTarget.value)}
            data={withNone(t('manage.papers.none'), papers.plans)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('manage.discard')}
            </Button>
            <Button type="submit" loading={adding.loading || updating.loading}>
              {item ? t('manage.agenda.save') : t('manage.agenda.addSubmit')}
            </Button>
          </Group>
        </AlertForm>
      )}
    </Dialog>
  );
}
