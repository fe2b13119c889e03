import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldProblem, InvalidInputError } from './errors/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a client-supplied id can be a row id; anything else is simply "not found". */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

function problems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return own.concat(problems(error.children ?? [], field));
  });
}

/**
 * Validates every input class with class-validator; a broken input becomes BAD_USER_INPUT
 * with `extensions.fields` listing each broken field (e.g. `input.email`).
 */
export function inputValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new InvalidInputError(problems(errors)),
  });
}
