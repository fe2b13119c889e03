import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/components/PageTitle';
import { Section } from '../../shared/components/Section';
import { ErrorState, Loading } from '../../shared/components/States';
import { useApiErrorMessage } from '../../shared/errors';
import type { EmailMode } from '../../gql/graphql';
import { ChangePasswordDialog } from '../components/ChangePasswordDialog';
import { SignOutEverywhereDialog } from '../components/SignOutEverywhereDialog';
import { TimeZoneSelect } from '../components/TimeZoneSelect';
import { RotateFeedMutation, SetEmailModeMutation, SettingsQuery } from '../queries';

const MODES: EmailMode[] = ['IMMEDIATE', 'DAILY_DIGEST', 'OFF'];

/** /settings: e-mail mode, time zone, calendar feed address (copy, rotate), password, sign out everywhere. */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const { data, error, refetch } = useQuery(SettingsQuery);
  const [setMode, modeState] = useMutation(SetEmailModeMutation);
  const [rotate, rotateState] = useMutation(RotateFeedMutation, { refetchQueries: [SettingsQuery] });
  const [status, setStatus] = useState('');
  // The choice shows at once; the server's answer confirms it (or the alert explains why not).
  const [chosen, setChosen] = useState<EmailMode | null>(null);
  const [zoneError, setZoneError] = useState<Error | null>(null);
  const [dialog, setDialog] = useState<'password' | 'everywhere' | null>(null);
  const failure = modeState.error ?? rotateState.error ?? zoneError;
  const mutationError = useApiErrorMessage(failure);
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const feed = data.myCalendarFeedUrl;
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <Text mb="md">{t('signedInAs', { name: data.me.name, email: data.me.email })}</Text>
      {failure && (
        <Alert color="red" role="alert" mb="md">
          {mutationError}
        </Alert>
      )}
      <Text role="status" mb="sm">
        {status}
      </Text>
      <Section title={t('email.title')}>
        <Radio.Group
          label={t('email.legend')}
          value={chosen ?? data.myNotificationPreferences.emailMode}
          onChange={(value) => {
            setChosen(value as EmailMode);
            void setMode({ variables: { emailMode: value as EmailMode }, refetchQueries: [SettingsQuery] }).then(
              () => setStatus(t('email.saved')),
              () => setChosen(null),
            );
          }}
        >
          <Stack mt="xs" gap="xs">
            {MODES.map((mode) => (
              <Radio key={mode} value={mode} label={t(`email.${mode}`)} />
            ))}
          </Stack>
        </Radio.Group>
      </Section>
      <Section title={t('zone.title')}>
        <TimeZoneSelect
          value={data.me.timeZone}
          onSaved={() => {
            setZoneError(null);
            setStatus(t('zone.saved'));
          }}
          onFailed={setZoneError}
        />
      </Section>
      <Section title={t('calendar.title')}>
        <Stack>
          <TextInput
            label={t('calendar.label')}
            description={t('calendar.help')}
            value={feed}
            readOnly
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <Group>
            <Button
              variant="outline"
              onClick={() =>
                void navigator.clipboard.writeText(feed).then(
                  () => setStatus(t('calendar.copied')),
                  () => undefined,
                )
              }
            >
              {t('calendar.copy')}
            </Button>
            <Button
              variant="outline"
              color="red.9"
              loading={rotateState.loading}
              onClick={() =>
                void rotate().then(
                  () => setStatus(t('calendar.rotated')),
                  () => undefined,
                )
              }
            >
              {t('calendar.rotate')}
            </Button>
          </Group>
        </Stack>
      </Section>
      <Section title={t('security.title')}>
        <Group>
          <Button variant="outline" onClick={() => setDialog('password')}>
            {t('password.open')}
          </Button>
          <Button variant="outline" color="red.9" onClick={() => setDialog('everywhere')}>
            {t('everywhere.open')}
          </Button>
        </Group>
      </Section>
      <ChangePasswordDialog
        opened={dialog === 'password'}
        onClose={() => setDialog(null)}
        onChanged={() => setStatus(t('password.changed'))}
      />
      <SignOutEverywhereDialog opened={dialog === 'everywhere'} onClose={() => setDialog(null)} />
    </>
  );
}
