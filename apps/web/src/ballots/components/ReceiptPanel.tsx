import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { downloadReceipt, type StoredReceipt } from '../receipts';

/** A status region with the word "Receipt" and the 64-character receipt, and "Download receipt". */
export function ReceiptPanel({ receipt }: { receipt: StoredReceipt }) {
  const { t } = useTranslation('ballots');
  return (
    <Alert color="green" variant="light" role="status" title={t('receipt.title')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('receipt.intro')}</Text>
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
          {receipt.receipt}
        </Code>
        <Button variant="outline" onClick={() => downloadReceipt(receipt)}>
          {t('receipt.download')}
        </Button>
      </Stack>
    </Alert>
  );
}
