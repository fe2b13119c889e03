import { Paper, Title } from '@mantine/core';
import { useId } from 'react';

/** A titled part of a page: a region named by its h2, so it is a landmark for screen readers. */
export function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="lg" radius="md" mb="lg">
      <Title order={2} id={id} size="h3" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
