import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return 'object';
  if (isInputObjectType(type)) return 'input';
  if (isEnumType(type)) return 'enum';
  if (isScalarType(type)) return 'scalar';
  if (isInterfaceType(type)) return 'interface';
  if (isUnionType(type)) return 'union';
  return 'unknown';
}

const defaultOf = (arg: { defaultValue?: unknown }) => JSON.stringify(arg.defaultValue ?? null);

/**
 * Every way in which `actual` breaks the promises of `contract`, one line each, keyed by the
 * contract name it concerns: `Type` (whole type missing), `Type.field`, `Type.field(arg)`,
 * `Enum.VALUE`. Additions in `actual` are allowed, except new required arguments and input
 * fields, which would break existing clients.
 */
export function contractProblems(contract: GraphQLSchema, actual: GraphQLSchema): Map<string, string> {
  const problems = new Map<string, string>();
  for (const expected of Object.values(contract.getTypeMap())) {
    const name = expected.name;
    if (name.startsWith('__')) continue;
    const found = actual.getType(name);
    if (!found) {
      problems.set(name, `type ${name} is missing`);
      continue;
    }
    if (kindOf(found) !== kindOf(expected)) {
      problems.set(name, `type ${name} is a ${kindOf(found)}, the contract says ${kindOf(expected)}`);
      continue;
    }
    if (isEnumType(expected) && isEnumType(found)) {
      for (const value of expected.getValues()) {
        if (!found.getValue(value.name)) problems.set(`${name}.${value.name}`, `enum value ${name}.${value.name} is missing`);
      }
    }
    if ((isObjectType(expected) && isObjectType(found)) || (isInterfaceType(expected) && isInterfaceType(found))) {
      const actualFields = found.getFields();
      for (const field of Object.values(expected.getFields())) {
        const key = `${name}.${field.name}`;
        const got = actualFields[field.name];
        if (!got) {
          problems.set(key, `field ${key} is missing`);
          continue;
        }
        if (String(got.type) !== String(field.type))
          problems.set(key, `field ${key} is ${got.type}, the contract says ${field.type}`);
        compareArgs(key, field.args, got.args, problems);
      }
    }
    if (isInputObjectType(expected) && isInputObjectType(found)) {
      const actualFields = found.getFields();
      for (const field of Object.values(expected.getFields())) {
        const key = `${name}.${field.name}`;
        const got = actualFields[field.name];
        if (!got) problems.set(key, `input field ${key} is missing`);
        else if (String(got.type) !== String(field.type))
          problems.set(key, `input field ${key} is ${got.type}, the contract says ${field.type}`);
      }
      for (const got of Object.values(actualFields)) {
        if (!expected.getFields()[got.name] && String(got.type).endsWith('!') && got.defaultValue === undefined) {
          problems.set(`${name}.${got.name}`, `input field ${name}.${got.name} is new and required: it would break clients`);
        }
      }
    }
  }
  return problems;
}

function compareArgs(
  key: string,
  expected: readonly GraphQLArgument[],
  actual: readonly GraphQLArgument[],
  problems: Map<string, string>,
) {
  for (const arg of expected) {
    const argKey = `${key}(${arg.name})`;
    const got = actual.find((a) => a.name === arg.name);
    if (!got) problems.set(argKey, `argument ${argKey} is missing`);
    else if (String(got.type) !== String(arg.type))
      problems.set(argKey, `argument ${argKey} is ${got.type}, the contract says ${arg.type}`);
    else if (defaultOf(got) !== defaultOf(arg))
      problems.set(argKey, `argument ${argKey} defaults to ${defaultOf(got)}, the contract says ${defaultOf(arg)}`);
  }
  for (const got of actual) {
    if (!expected.some((a) => a.name === got.name) && String(got.type).endsWith('!') && got.defaultValue === undefined) {
      problems.set(`${key}(${got.name})`, `argument ${key}(${got.name}) is new and required: it would break clients`);
    }
  }
}
