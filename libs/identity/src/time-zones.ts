import { registerDecorator, type ValidationOptions } from 'class-validator';

let zones: Set<string> | null = null;

/** Whether the value is an IANA time zone this runtime knows (Intl.supportedValuesOf), or UTC. */
export function isTimeZone(value: unknown): value is string {
  zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  return typeof value === 'string' && zones.has(value);
}

/** class-validator: an IANA time zone such as Europe/Zurich. */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'must be an IANA time zone such as Europe/Zurich', ...options },
      validator: { validate: (value: unknown) => isTimeZone(value) },
    });
}
