import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KpiDimension, KpiLevel } from '../../gql/graphql';

export interface KpiFilterValues {
  dimension: KpiDimension | null;
  level: KpiLevel | null;
  search: string;
}

export const NO_FILTERS: KpiFilterValues = { dimension: null, level: null, search: '' };

const DIMENSIONS: KpiDimension[] = ['ECONOMY', 'ENVIRONMENT', 'SOCIETY_AND_CULTURE'];
const LEVELS: KpiLevel[] = ['CORE', 'ADVANCED'];

/** The catalogue's filters: native selects and a text box, so every browser's keyboard handling applies. */
export function KpiFilters({ value, onChange }: { value: KpiFilterValues; onChange: (next: KpiFilterValues) => void }) {
  const { t } = useTranslation('kpis');
  const filtered = value.dimension !== null || value.level !== null || value.search !== '';
  return (
    <Group
      component="form"
      role="search"
      aria-label={t('filters.label')}
      align="flex-end"
      mb="md"
      onSubmit={(e) => e.preventDefault()}
    >
      <NativeSelect
        label={t('filters.dimension')}
        value={value.dimension ?? ''}
        onChange={(e) => onChange({ ...value, dimension: (e.currentTarget.value || null) as KpiDimension | null })}
        data={[{ value: '', label: t('filters.all') }, ...DIMENSIONS.map((d) => ({ value: d, label: t(`dimension.${d}`) }))]}
      />
      <NativeSelect
        label={t('filters.level')}
        value={value.level ?? ''}
        onChange={(e) => onChange({ ...value, level: (e.currentTarget.value || null) as KpiLevel | null })}
        data={[{ value: '', label: t('filters.all') }, ...LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))]}
      />
      <TextInput
        type="search"
        label={t('filters.search')}
        description={t('filters.searchHint')}
        value={value.search}
        maxLength={200}
        onChange={(e) => onChange({ ...value, search: e.currentTarget.value })}
      />
      {filtered && (
        <Button variant="subtle" onClick={() => onChange(NO_FILTERS)}>
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}
