import type { OperationDefinitionNode } from 'graphql';

/**
 * The request's variables that the operation declares, in the order it declares them: the only
 * ones execution reads. Keys built from them (response cache, remembered costs) cannot be
 * multiplied by sending extra variables or by reordering them.
 */
export function declaredVariables(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const declared: Record<string, unknown> = {};
  if (!variables) return declared;
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (Object.hasOwn(variables, name)) declared[name] = variables[name];
  }
  return declared;
}
