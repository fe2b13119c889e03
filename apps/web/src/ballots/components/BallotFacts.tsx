import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../shared/time/DateTime';
import { countdown } from '../../shared/time/format';
import { useNow } from '../../shared/time/reader-zone';
import type { DecisionRule } from '../../gql/graphql';

export interface BallotFactsProps {
  rule: DecisionRule;
  quorum: number;
  electorateSize: number;
  closesAt: string;
  open: boolean;
}

/** The rule, the quorum and the closing time in the reader's zone, with a countdown while open. */
export function BallotFacts({ rule, quorum, electorateSize, closesAt, open }: BallotFactsProps) {
  const { t } = useTranslation('ballots');
  const now = useNow(1000);
  const left = open ? countdown(closesAt, now) : null;
  return (
    <Table variant="vertical" withTableBorder layout="fixed" mb="lg">
      <Table.Tbody>
        <Table.Tr>
          <Table.Th w={180}>{t('facts.rule')}</Table.Th>
          <Table.Td>{t(`rules.${rule}`)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>{t('facts.quorum')}</Table.Th>
          <Table.Td>
            {t('facts.quorumValue', {
              percent: Math.round(quorum * 100),
              needed: Math.ceil(quorum * electorateSize),
              size: electorateSize,
            })}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>{open ? t('facts.closes') : t('facts.closed')}</Table.Th>
          <Table.Td>
            <DateTime value={closesAt} relative />
          </Table.Td>
        </Table.Tr>
        {left && (
          <Table.Tr>
            <Table.Th>{t('facts.timeLeft')}</Table.Th>
            <Table.Td>
              {/* Not a live region: a screen reader would be interrupted every second. */}
              <Text span ff="monospace">
                {t('facts.countdown', left)}
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}
