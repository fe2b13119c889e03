import { Badge, Code, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BallotOutcome } from '../../gql/graphql';

export interface TallyTableProps {
  tally: { approve: number; object: number; abstain: number; notVoted: number };
  outcome?: BallotOutcome | null;
  chainHead?: string | null;
}

/** Once CLOSED: the outcome, the tally and the head of the vote chain. */
export function TallyTable({ tally, outcome, chainHead }: TallyTableProps) {
  const { t } = useTranslation('ballots');
  return (
    <>
      {outcome && (
        <Group mb="sm">
          <Text fw={600}>{t('result.outcome')}:</Text>
          <Badge size="lg" color={outcome === 'APPROVED' ? 'green' : outcome === 'REJECTED' ? 'red' : 'gray'}>
            {t(`result.outcomes.${outcome}`)}
          </Badge>
        </Group>
      )}
      <Table withTableBorder mb="sm" maw={420}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('result.position')}</Table.Th>
            <Table.Th scope="col">{t('result.votes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(['approve', 'object', 'abstain', 'notVoted'] as const).map((key) => (
            <Table.Tr key={key}>
              <Table.Th scope="row">{t(`result.${key}`)}</Table.Th>
              <Table.Td>{tally[key]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {chainHead && (
        <Text size="sm">
          {t('result.chainHead')}: <Code>{chainHead}</Code>
        </Text>
      )}
    </>
  );
}
