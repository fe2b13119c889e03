import { Alert, Group, Radio, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../shared/components/States';
import { useApiErrorMessage } from '../../shared/errors';
import { RecordAttendanceMutation } from '../mutations';
import type { Meeting } from './types';
import { useMeetingMutation } from './use-meeting-mutation';

/**
 * Attendance, one invitee per row: their answer to the invitation, and a radiogroup "Attendance of
 * <name>" with "Present" and "Absent" that records at once (arrow keys move between the two).
 */
export function AttendancePanel({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  const [said, setSaid] = useState('');
  // What was just marked shows at once (the radio follows the click); the server's answer replaces it.
  const [marked, setMarked] = useState<Record<string, boolean>>({});
  const [record, { error }] = useMeetingMutation(RecordAttendanceMutation, meeting.id);
  const message = useApiErrorMessage(error);
  const participants = meeting.participants.edges.map((e) => e.node);
  const mark = (personId: string, name: string, attended: boolean) => {
    setSaid('');
    setMarked((m) => ({ ...m, [personId]: attended }));
    void record({ variables: { meetingId: meeting.id, personIds: [personId], attended } }).then(
      () => setSaid(t(attended ? 'manage.attendance.markedPresent' : 'manage.attendance.markedAbsent', { name })),
      () =>
        setMarked((m) => {
          const { [personId]: _, ...rest } = m;
          return rest;
        }),
    );
  };
  const present = participants.filter((p) => p.attended === true).length;
  return (
    <Stack gap="sm">
      {error && (
        <Alert color="red" role="alert">
          {message}
        </Alert>
      )}
      <div role="status">{said}</div>
      {participants.length === 0 ? (
        <EmptyState>{t('manage.attendance.none')}</EmptyState>
      ) : (
        <>
          <Text size="sm">{t('manage.attendance.summary', { present, total: participants.length })}</Text>
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('manage.attendance.person')}</Table.Th>
                  <Table.Th scope="col">{t('manage.attendance.answer')}</Table.Th>
                  <Table.Th scope="col">{t('manage.attendance.attendance')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {participants.map(({ person, response, attended: saved }) => {
                  const attended = marked[person.id] ?? saved;
                  return (
                    <Table.Tr key={person.id}>
                      <Table.Th scope="row">{person.name}</Table.Th>
                      <Table.Td>{t(`manage.attendance.responses.${response}`)}</Table.Td>
                      <Table.Td>
                        <Group gap="md" role="radiogroup" aria-label={t('manage.attendance.of', { name: person.name })}>
                          <Radio
                            name={`attendance-${person.id}`}
                            label={t('manage.attendance.present')}
                            checked={attended === true}
                            onChange={() => mark(person.id, person.name, true)}
                          />
                          <Radio
                            name={`attendance-${person.id}`}
                            label={t('manage.attendance.absent')}
                            checked={attended === false}
                            onChange={() => mark(person.id, person.name, false)}
                          />
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
