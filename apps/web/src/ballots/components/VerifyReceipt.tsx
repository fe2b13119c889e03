import { useLazyQuery } from '@apollo/client/react';
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../shared/time/DateTime';
import { VerifyReceiptQuery } from '../queries';

/** Textbox "Receipt to verify" and button "Verify a receipt"; the answer in a status region. */
export function VerifyReceipt({ ballotId }: { ballotId: string }) {
  const { t } = useTranslation('ballots');
  const [receipt, setReceipt] = useState('');
  const [verify, { data, loading }] = useLazyQuery(VerifyReceiptQuery, { fetchPolicy: 'network-only' });
  const answer = data?.verifyBallotReceipt;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (receipt.trim()) void verify({ variables: { ballotId, receipt: receipt.trim() } });
      }}
    >
      <Stack>
        <Group align="flex-end">
          <TextInput
            label={t('verify.label')}
            value={receipt}
            onChange={(e) => setReceipt(e.currentTarget.value)}
            style={{ flex: 1 }}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <Button type="submit" variant="outline" loading={loading}>
            {t('verify.submit')}
          </Button>
        </Group>
        <div role="status">
          {answer &&
            (answer.valid ? (
              <Alert color="green" variant="light">
                <Text>
                  {t('verify.valid', { position: t(`vote.${answer.position!}`) })} <DateTime value={answer.castAt!} />
                </Text>
                {answer.superseded && <Text>{t('verify.superseded')}</Text>}
              </Alert>
            ) : (
              <Alert color="red" variant="light">
                {t('verify.invalid')}
              </Alert>
            ))}
        </div>
      </Stack>
    </form>
  );
}
