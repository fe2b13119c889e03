import * as argon2 from 'argon2';
import { InvalidInputError } from '@app/platform';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** argon2id hash of a password. */
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** BAD_USER_INPUT naming `field` unless the password has 10..200 characters. */
export function checkPassword(password: string, field = 'password'): void {
  if (typeof password !== 'string' || password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    throw InvalidInputError.field(field, `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`);
  }
}
