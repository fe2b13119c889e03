import { TextInput } from '@mantine/core';

export interface PasswordFieldProps {
  label: string;
  description?: string;
  /** current-password or new-password: lets password managers fill or propose it. */
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
}

/** A required password textbox named by its label. */
export function PasswordField({ label, description, autoComplete, value, onChange }: PasswordFieldProps) {
  return (
    <TextInput
      label={label}
      description={description}
      type="password"
      autoComplete={autoComplete}
      required
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
