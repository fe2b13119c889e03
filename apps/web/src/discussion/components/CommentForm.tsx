import { Button, Group, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertForm } from '../../shared/components/AlertForm';

export interface CommentFormProps {
  /** The textbox's accessible name, e.g. "Comment on paragraph 2". */
  label: string;
  submitLabel: string;
  initial?: string;
  /** Resolves to an error message to show (role alert), or null once it was saved. */
  onSubmit: (body: string) => Promise<string | null>;
  onCancel?: () => void;
}

/** A textbox and its submit button; keeps the text when the server refuses it, and says why. */
export function CommentForm({ label, submitLabel, initial = '', onSubmit, onCancel }: CommentFormProps) {
  const { t } = useTranslation('discussion');
  const [body, setBody] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = () => {
    if (!body.trim()) {
      setError(t('comments.empty'));
      return;
    }
    setBusy(true);
    void onSubmit(body).then((refused) => {
      setBusy(false);
      setError(refused);
      if (!refused && !initial) setBody('');
    });
  };
  return (
    <AlertForm error={error} onSubmit={submit}>
      <Textarea
        label={label}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        autosize
        minRows={2}
        maxRows={10}
        data-autofocus
      />
      <Group gap="xs">
        <Button type="submit" size="xs" loading={busy}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button size="xs" variant="default" onClick={onCancel}>
            {t('cancel')}
          </Button>
        )}
      </Group>
    </AlertForm>
  );
}
