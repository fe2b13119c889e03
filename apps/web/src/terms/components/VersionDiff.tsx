import { Paper } from '@mantine/core';
import { diffWordsWithSpace } from 'diff';

/** Words added in `after` as <ins>, removed from `before` as <del>, the rest as it is. */
export function VersionDiff({ before, after, label }: { before: string; after: string; label: string }) {
  const parts = diffWordsWithSpace(before, after);
  return (
    <Paper withBorder p="md" aria-label={label} role="region" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6 }}>
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i} style={{ background: '#d3f9d8', textDecoration: 'underline' }}>
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} style={{ background: '#ffe3e3' }}>
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </Paper>
  );
}
