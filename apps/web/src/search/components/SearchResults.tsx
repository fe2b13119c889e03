import { Anchor, Badge, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchHitKind } from '../../gql/graphql';
import { Snippet } from './Snippet';

export interface SearchResult {
  kind: SearchHitKind;
  id: string;
  title: string;
  snippet: string;
  context: string;
  path?: string | null;
}

/** The hits as a list: each a link to its page (plain text when it has none), its kind, where it lives and its snippet. */
export function SearchResults({ hits }: { hits: SearchResult[] }) {
  const { t } = useTranslation('search');
  return (
    <Stack component="ol" gap="md" p={0} style={{ listStyle: 'none' }} aria-label={t('results')}>
      {hits.map((hit) => (
        <li key={`${hit.kind}:${hit.id}:${hit.context}`}>
          <Group gap="xs" wrap="nowrap" align="baseline">
            <Badge variant="light" color="un" radius="sm" style={{ flexShrink: 0 }}>
              {t(`kind.${hit.kind}`)}
            </Badge>
            {hit.path ? (
              <Anchor component={Link} to={hit.path} fw={600}>
                {hit.title}
                <VisuallyHidden component="span"> ({t(`kind.${hit.kind}`)})</VisuallyHidden>
              </Anchor>
            ) : (
              <Text fw={600} span>
                {hit.title}
              </Text>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {hit.context}
          </Text>
          <Text size="sm">
            <Snippet text={hit.snippet} />
          </Text>
        </li>
      ))}
    </Stack>
  );
}
