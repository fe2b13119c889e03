import { Button, Group, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertForm } from '../../shared/components/AlertForm';
import { Dialog } from '../../shared/components/Dialog';
import { VersionDiff } from './VersionDiff';

export interface ProposeChangeDialogProps {
  paragraph: number;
  original: string;
  onClose: () => void;
  /** Resolves to an error message (shown in role alert), or null once proposed. */
  onPropose: (proposedText: string, rationale: string) => Promise<string | null>;
}

/** "Propose a change": the paragraph's new text (empty deletes it), why, and a live diff against the current text. */
export function ProposeChangeDialog({ paragraph, original, onClose, onPropose }: ProposeChangeDialogProps) {
  const { t } = useTranslation('terms');
  const [text, setText] = useState(original);
  const [rationale, setRationale] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = () => {
    if (text.trim() === original.trim()) {
      setError(t('propose.unchanged'));
      return;
    }
    setBusy(true);
    void onPropose(text, rationale).then((refused) => {
      setBusy(false);
      setError(refused);
    });
  };
  return (
    <Dialog opened onClose={onClose} title={t('propose.title', { paragraph })} closeLabel={t('close')}>
      <AlertForm error={error} onSubmit={submit}>
        <Textarea
          label={t('propose.text')}
          description={t('propose.textHelp')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={4}
          maxRows={14}
          data-autofocus
        />
        <Textarea
          label={t('propose.rationale')}
          value={rationale}
          onChange={(e) => setRationale(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('propose.preview')}
          </Text>
          {text.trim() === '' ? (
            <Text size="sm">{t('amendments.deletes')}</Text>
          ) : (
            <VersionDiff before={original} after={text} label={t('propose.diffLabel', { paragraph })} />
          )}
        </div>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('propose.submit')}
          </Button>
        </Group>
      </AlertForm>
    </Dialog>
  );
}
