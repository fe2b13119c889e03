import { Alert, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

export interface AlertFormProps {
  /** Why the last submission was refused, shown above the fields in role alert; null when it was not. */
  error: string | null;
  onSubmit: () => void;
  children: ReactNode;
}

/** A form that submits without a reload and says why it was refused above its fields. */
export function AlertForm({ error, onSubmit, children }: AlertFormProps) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {children}
      </Stack>
    </form>
  );
}
