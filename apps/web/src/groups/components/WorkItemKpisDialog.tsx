import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, List, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertForm } from '../../shared/components/AlertForm';
import { Dialog } from '../../shared/components/Dialog';
import { useApiErrorMessage } from '../../shared/errors';
import { KpiPickerQuery, LinkWorkItemKpisMutation } from '../queries';

export interface PickedKpi {
  id: string;
  code: string;
  name: string;
}

export interface WorkItemKpisDialogProps {
  opened: boolean;
  slug: string;
  item: { id: string; title: string; kpis: PickedKpi[] };
  onClose: () => void;
  onSaved: () => void;
}

/**
 * Replaces a work item's KPIs: a combobox that searches the initiative's catalogue by code or name
 * (type, arrow down, Enter adds), the chosen KPIs each with its own "Remove" button, and Save.
 */
export function WorkItemKpisDialog({ opened, slug, item, onClose, onSaved }: WorkItemKpisDialogProps) {
  const { t } = useTranslation('groups');
  const [chosen, setChosen] = useState<PickedKpi[]>(item.kpis);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const { data, loading } = useQuery(KpiPickerQuery, {
    variables: { slug, search: debounced.trim() || null },
    skip: !opened,
  });
  const [link, linking] = useMutation(LinkWorkItemKpisMutation);
  const error = useApiErrorMessage(linking.error);
  const found = data?.initiative?.kpis.edges.map((e) => e.node) ?? [];
  const options = found
    .filter((k) => !chosen.some((c) => c.id === k.id))
    .map((k) => ({ value: k.id, label: `${k.code} ${k.name}` }));
  const add = (id: string | null) => {
    const kpi = found.find((k) => k.id === id);
    if (kpi) setChosen((list) => [...list, kpi]);
    setSearch('');
  };
  const save = () =>
    link({ variables: { workItemId: item.id, kpiIds: chosen.map((k) => k.id) } }).then(
      () => onSaved(),
      () => undefined,
    );
  return (
    <Dialog
      opened={opened}
      onClose={onClose}
      title={t('kpiEditor.title', { title: item.title })}
      closeLabel={t('kpiEditor.close')}
    >
      <AlertForm error={linking.error ? error : null} onSubmit={() => void save()}>
        <Select
          label={t('kpiEditor.add')}
          description={t('kpiEditor.addHelp')}
          placeholder={t('kpiEditor.placeholder')}
          data={options}
          value={null}
          onChange={add}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          // The server searched already (code or name, case and accents ignored).
          filter={({ options: all }) => all}
          nothingFoundMessage={loading ? t('kpiEditor.searching') : t('kpiEditor.nothingFound')}
          maxDropdownHeight={260}
          comboboxProps={{ withinPortal: true }}
        />
        <div>
          <Text fw={600} size="sm" id={`chosen-kpis-${item.id}`}>
            {t('kpiEditor.chosen')}
          </Text>
          {chosen.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('kpiEditor.none')}
            </Text>
          ) : (
            <List aria-labelledby={`chosen-kpis-${item.id}`} listStyleType="none" withPadding={false} spacing={4}>
              {chosen.map((kpi) => (
                <List.Item key={kpi.id}>
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Text size="sm">{`${kpi.code} ${kpi.name}`}</Text>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('kpiEditor.remove', { code: kpi.code })}
                      onClick={() => setChosen((list) => list.filter((k) => k.id !== kpi.id))}
                    >
                      {t('kpiEditor.removeShort')}
                    </Button>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <Stack gap={0}>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('kpiEditor.cancel')}
            </Button>
            <Button type="submit" loading={linking.loading}>
              {t('kpiEditor.save')}
            </Button>
          </Group>
        </Stack>
      </AlertForm>
    </Dialog>
  );
}
