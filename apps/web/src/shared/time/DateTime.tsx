import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatRelative } from './format';
import { useNow, useReaderZone } from './reader-zone';

/**
 * An instant in the reader's zone (or the given `zone`, e.g. a meeting's), zone named; `relative`
 * adds "in 3 days" / "2 hours ago".
 */
export function DateTime({ value, relative = false, zone }: { value: string; relative?: boolean; zone?: string }) {
  const { i18n } = useTranslation();
  const readerZone = useReaderZone();
  zone ??= readerZone;
  const now = useNow(30_000);
  return (
    <>
      <time dateTime={value} title={zone}>
        {formatDateTime(value, zone, i18n.language)}
      </time>
      {relative && (
        <Text span c="dimmed">
          {' '}
          ({formatRelative(value, now, i18n.language)})
        </Text>
      )}
    </>
  );
}

/** A calendar date, e.g. a work plan's period. */
export function CalendarDate({ value }: { value: string }) {
  const { i18n } = useTranslation();
  return <time dateTime={value}>{formatDate(value, i18n.language)}</time>;
}
