import { Button, Group, NativeSelect, Select, Textarea, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertForm } from '../../shared/components/AlertForm';
import { newSessionRow, sessionInstants, SessionsEditor, type SessionRow } from './SessionsEditor';

export interface MeetingFormValues {
  title: string;
  purpose: string;
  venue: string;
  onlineUrl: string;
  timeZone: string;
  /** '' for a plenary. */
  groupId: string;
  sessions: SessionRow[];
}

/** What the API takes from the form: the sessions as UTC instants; null when a session is incomplete. */
export function meetingInput(values: MeetingFormValues) {
  const sessions = values.sessions.map((row) => {
    const instants = sessionInstants(row, values.timeZone);
    return instants && { ...instants, title: row.title.trim() || null };
  });
  if (sessions.some((s) => !s)) return null;
  return {
    title: values.title.trim(),
    purpose: values.purpose.trim() || null,
    venue: values.venue.trim() || null,
    onlineUrl: values.onlineUrl.trim() || null,
    timeZone: values.timeZone,
    sessions: sessions as { startsAt: string; endsAt: string; title: string | null }[],
  };
}

export const emptyMeeting = (timeZone: string, groupId = ''): MeetingFormValues => ({
  title: '',
  purpose: '',
  venue: '',
  onlineUrl: '',
  timeZone,
  groupId,
  sessions: [newSessionRow()],
});

interface Props {
  initial: MeetingFormValues;
  /** The groups the reader may schedule for, and whether a plenary is offered; omitted when editing. */
  owners?: { plenary: boolean; groups: { id: string; code: string; name: string }[] };
  submitLabel: string;
  error: string | null;
  loading: boolean;
  onSubmit: (values: MeetingFormValues) => void;
}

/** Every IANA zone this browser knows, with the current one. */
function knownZones(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  zones.add(current);
  return [...zones].sort();
}

/** A meeting's details and sessions; used to schedule one and to edit a draft or announced one. */
export function MeetingForm({ initial, owners, submitLabel, error, loading, onSubmit }: Props) {
  const { t } = useTranslation('meetings');
  const [values, setValues] = useState(initial);
  const zones = useMemo(() => knownZones(initial.timeZone), [initial.timeZone]);
  const set = (change: Partial<MeetingFormValues>) => setValues((v) => ({ ...v, ...change }));
  return (
    <AlertForm error={error} onSubmit={() => onSubmit(values)}>
      <TextInput
        label={t('manage.form.title')}
        required
        value={values.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
      />
      {owners && (
        <NativeSelect
          label={t('manage.form.owner')}
          value={values.groupId}
          onChange={(e) => set({ groupId: e.currentTarget.value })}
          data={[
            ...(owners.plenary ? [{ value: '', label: t('manage.form.plenary') }] : []),
            ...owners.groups.map((g) => ({ value: g.id, label: `${g.code} ${g.name}` })),
          ]}
        />
      )}
      <Textarea
        label={t('manage.form.purpose')}
        autosize
        minRows={2}
        value={values.purpose}
        onChange={(e) => set({ purpose: e.currentTarget.value })}
      />
      <TextInput label={t('manage.form.venue')} value={values.venue} onChange={(e) => set({ venue: e.currentTarget.value })} />
      <TextInput
        label={t('manage.form.onlineUrl')}
        type="url"
        value={values.onlineUrl}
        onChange={(e) => set({ onlineUrl: e.currentTarget.value })}
      />
      <Select
        label={t('manage.form.timeZone')}
        description={t('manage.form.timeZoneHelp')}
        data={zones}
        value={values.timeZone}
        searchable
        limit={100}
        allowDeselect={false}
        nothingFoundMessage={t('manage.form.noZone')}
        onChange={(zone) => zone && set({ timeZone: zone })}
        comboboxProps={{ withinPortal: false }}
      />
      <SessionsEditor rows={values.sessions} zone={values.timeZone} onChange={(sessions) => set({ sessions })} />
      <Group justify="flex-end">
        <Button type="submit" loading={loading}>
          {submitLabel}
        </Button>
      </Group>
    </AlertForm>
  );
}
