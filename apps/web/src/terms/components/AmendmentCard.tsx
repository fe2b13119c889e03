import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmendmentFieldsFragment } from '../../gql/graphql';
import { DateTime } from '../../shared/time/DateTime';
import { VersionDiff } from './VersionDiff';

export interface AmendmentCardProps {
  amendment: AmendmentFieldsFragment;
  /** Shown for the proposer while it is PROPOSED. */
  onWithdraw?: () => void;
  /** E.g. the review queue's checkbox. */
  leading?: ReactNode;
  trailing?: ReactNode;
}

/** A proposed change: who, when, the diff of the paragraph, why, and how it was resolved. */
export function AmendmentCard({ amendment: a, onWithdraw, leading, trailing }: AmendmentCardProps) {
  const { t } = useTranslation('terms');
  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          {leading}
          <Text fw={600} size="sm">
            {t('amendments.heading', { paragraph: a.paragraph, version: a.baseVersion.number, name: a.proposer.name })}
          </Text>
          {/* Plain text in the page's colour: the theme's coloured badges miss axe-core's contrast on small text. */}
          <Text size="sm" fw={700} px={6} style={{ border: '1px solid currentColor', borderRadius: 4 }}>
            {t(`amendments.status.${a.status}`)}
          </Text>
          <Text size="xs" c="dimmed">
            <DateTime value={a.createdAt} />
          </Text>
        </Group>
        {a.proposedText.trim() === '' && <Text size="sm">{t('amendments.deletes')}</Text>}
        <VersionDiff
          before={a.originalText}
          after={a.proposedText}
          label={t('amendments.diffLabel', { paragraph: a.paragraph, name: a.proposer.name })}
        />
        {a.rationale && (
          <Text size="sm">
            <Text span fw={600}>
              {t('amendments.rationale')}:
            </Text>{' '}
            {a.rationale}
          </Text>
        )}
        {a.resolution && (
          <Text size="sm">
            <Text span fw={600}>
              {t('amendments.resolution')}:
            </Text>{' '}
            {a.resolution}
            {a.resolvedBy && ` (${a.resolvedBy.name})`}
          </Text>
        )}
        {a.resultingVersion && <Text size="sm">{t('amendments.takenIn', { number: a.resultingVersion.number })}</Text>}
        {(onWithdraw || trailing) && (
          <Group gap="xs">
            {trailing}
            {onWithdraw && (
              <Button size="compact-xs" variant="subtle" color="red" onClick={onWithdraw}>
                {t('amendments.withdraw')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
