import { Group, Progress, Text } from '@mantine/core';

/** A progressbar whose aria-valuenow is the rounded percentage, named for screen readers, with the figure beside it. */
export function ProgressCell({ value, label }: { value: number; label: string }) {
  const rounded = Math.round(value);
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={rounded} aria-label={label} w={120} size="lg" />
      <Text size="sm" fw={600} miw={40}>
        {rounded}%
      </Text>
    </Group>
  );
}
