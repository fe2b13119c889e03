import { useMutation } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SetTimeZoneMutation } from '../queries';

/** Every IANA zone this browser knows (the gateway accepts the same names), UTC included. */
function knownZones(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  zones.add(current);
  return [...zones].sort();
}

export interface TimeZoneSelectProps {
  value: string;
  onSaved: () => void;
  onFailed: (error: Error) => void;
}

/**
 * Combobox "Time zone": type to filter the IANA zones, pick one, and it is saved at once. The
 * answer updates the cached person, so every time on the page moves to the new zone.
 */
export function TimeZoneSelect({ value, onSaved, onFailed }: TimeZoneSelectProps) {
  const { t } = useTranslation('settings');
  const zones = useMemo(() => knownZones(value), [value]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [setZone] = useMutation(SetTimeZoneMutation);
  return (
    <Select
      label={t('zone.label')}
      description={t('zone.help')}
      data={zones}
      value={chosen ?? value}
      searchable
      limit={100}
      maxDropdownHeight={280}
      nothingFoundMessage={t('zone.nothingFound')}
      allowDeselect={false}
      maw={360}
      onChange={(zone) => {
        if (!zone || zone === value) return;
        setChosen(zone);
        setZone({ variables: { timeZone: zone } }).then(
          () => {
            setChosen(null);
            onSaved();
          },
          (error: Error) => {
            setChosen(null);
            onFailed(error);
          },
        );
      }}
    />
  );
}
