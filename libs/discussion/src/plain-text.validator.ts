import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isPlainText } from './text-rules';

/** class-validator: the string holds no control character other than tab and line breaks. */
export function IsPlainText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPlainText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || isPlainText(value),
        defaultMessage: () => 'must not contain control characters (other than tabs and line breaks)',
      },
    },
    options,
  );
}
