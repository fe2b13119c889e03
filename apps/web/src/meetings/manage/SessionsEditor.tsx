import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/time/format';
import { useReaderZone } from '../../shared/time/reader-zone';
import { wallTimeToInstant } from '../zoned-time';

/** One session as the form edits it: a day and two clock times in the meeting's zone. */
export interface SessionRow {
  key: string;
  date: string;
  start: string;
  end: string;
  title: string;
}

export const MAX_SESSIONS = 14;

let nextKey = 0;
export const newSessionRow = (from?: Partial<SessionRow>): SessionRow => ({
  key: `s${++nextKey}`,
  date: '',
  start: '',
  end: '',
  title: '',
  ...from,
});

/** The row's start and end as UTC instants, or null while the row is incomplete. */
export function sessionInstants(row: SessionRow, zone: string): { startsAt: string; endsAt: string } | null {
  const startsAt = wallTimeToInstant({ date: row.date, time: row.start }, zone);
  const endsAt = wallTimeToInstant({ date: row.date, time: row.end }, zone);
  return startsAt && endsAt ? { startsAt, endsAt } : null;
}

interface Props {
  rows: SessionRow[];
  zone: string;
  onChange: (rows: SessionRow[]) => void;
}

/**
 * Sessions 1 to 14: each typed in the meeting's zone, and read back at once in the reader's zone
 * and in UTC, so a chair in Tokyo scheduling a Geneva meeting sees what each side will read.
 */
export function SessionsEditor({ rows, zone, onChange }: Props) {
  const { t, i18n } = useTranslation('meetings');
  const readerZone = useReaderZone();
  const update = (key: string, change: Partial<SessionRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <Stack gap="sm" role="group" aria-label={t('manage.sessions.group')}>
      <Text fw={600}>{t('manage.sessions.title', { zone })}</Text>
      {rows.map((row, i) => {
        const n = i + 1;
        const instants = sessionInstants(row, zone);
        return (
          <Paper key={row.key} withBorder p="sm" role="group" aria-label={t('manage.sessions.session', { n })}>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                type="date"
                required
                label={t('manage.sessions.date', { n })}
                value={row.date}
                onChange={(e) => update(row.key, { date: e.currentTarget.value })}
              />
              <TextInput
                type="time"
                required
                label={t('manage.sessions.start', { n })}
                value={row.start}
                onChange={(e) => update(row.key, { start: e.currentTarget.value })}
              />
              <TextInput
                type="time"
                required
                label={t('manage.sessions.end', { n })}
                value={row.end}
                onChange={(e) => update(row.key, { end: e.currentTarget.value })}
              />
              <TextInput
                label={t('manage.sessions.sessionTitle', { n })}
                value={row.title}
                onChange={(e) => update(row.key, { title: e.currentTarget.value })}
              />
              <Button
                variant="default"
                disabled={rows.length === 1}
                onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
              >
                {t('manage.sessions.remove', { n })}
              </Button>
            </Group>
            {instants && (
              <Text size="sm" c="dimmed" mt="xs">
                {readerZone !== zone &&
                  `${t('manage.sessions.inYourZone', {
                    zone: readerZone,
                    start: formatDateTime(instants.startsAt, readerZone, i18n.language),
                    end: formatDateTime(instants.endsAt, readerZone, i18n.language),
                  })} · `}
                {t('manage.sessions.inUtc', {
                  start: formatDateTime(instants.startsAt, 'UTC', i18n.language),
                  end: formatDateTime(instants.endsAt, 'UTC', i18n.language),
                })}
              </Text>
            )}
          </Paper>
        );
      })}
      <Group>
        <Button variant="light" disabled={rows.length >= MAX_SESSIONS} onClick={() => onChange([...rows, newSessionRow()])}>
          {t('manage.sessions.add')}
        </Button>
        {rows.length >= MAX_SESSIONS && <Text size="sm">{t('manage.sessions.max', { max: MAX_SESSIONS })}</Text>}
      </Group>
    </Stack>
  );
}
