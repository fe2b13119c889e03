import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { needsListPrice } from './list-price';
import { MAX_PAGE_SIZE } from './pagination/page';

/**
 * The estimated cost of running an operation, before any resolver runs: each field costs 1 plus
 * its selection, unless it declares a price (`complexity` in its @Field / @ResolveField / @Query
 * options, see list-price.ts); a list field that declares none is priced as a full page of
 * MAX_PAGE_SIZE. Fragments and skipped or included selections count as the execution would see
 * them, except that a fragment spread twice costs twice (an over-estimate, never an under-one).
 *
 * Linear in the document: each fragment is priced once and its cost remembered, so a fan-out of
 * fragments (`F1 { ...F2 ...F2 } F2 { ...F3 ...F3 } ...`) costs its 2^n honestly without 2^n steps.
 *
 * Returns null when the variables do not fit their declared types (execution then refuses them
 * with BAD_USER_INPUT); throws on anything it cannot price, so that the caller refuses.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
  if (coerced.errors) return null;
  const values = coerced.coerced;

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  /** Cost of each fragment priced so far; 0 while being priced (cycles are refused by validation). */
  const fragmentCosts = new Map<string, number>();

  const included = (node: SelectionNode): boolean =>
    !node.directives?.length ||
    (getDirectiveValues(GraphQLSkipDirective, node, values)?.if !== true &&
      getDirectiveValues(GraphQLIncludeDirective, node, values)?.if !== false);

  const selectionCost = (set: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) cost += fieldCost(selection, parent);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (!isCompositeType(on)) throw new Error(`no composite type ${String(on)}`);
        cost += selectionCost(selection.selectionSet, on);
      } else cost += fragmentCost(selection.name.value);
    }
    return cost;
  };

  const fragmentCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    const on = fragment && schema.getType(fragment.typeCondition.name.value);
    if (!fragment || !isCompositeType(on)) throw new Error(`no fragment ${name}`);
    fragmentCosts.set(name, 0);
    const cost = selectionCost(fragment.selectionSet, on);
    fragmentCosts.set(name, cost);
    return cost;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType): number => {
    const field = fieldOf(parent, node.name.value);
    if (!field) throw new Error(`no field ${parent.name}.${node.name.value}`);
    const type = getNamedType(field.type);
    const childComplexity = node.selectionSet && isCompositeType(type) ? selectionCost(node.selectionSet, type) : 0;
    const price = field.extensions.complexity as unknown;
    let cost: unknown;
    if (typeof price === 'number') cost = price + childComplexity;
    else if (typeof price === 'function') {
      cost = price({ args: getArgumentValues(field, node, values), childComplexity, field, type: parent, node });
    } else if (parent.name.startsWith('__') || !needsListPrice(field.type)) cost = 1 + childComplexity;
    else cost = 1 + MAX_PAGE_SIZE * childComplexity;
    if (typeof cost !== 'number' || Number.isNaN(cost)) throw new Error(`no price for ${parent.name}.${field.name}`);
    return cost;
  };

  const root = schema.getRootType(operation.operation);
  if (!root) throw new Error(`no root type for ${operation.operation}`);
  return selectionCost(operation.selectionSet, root);
}

function fieldOf(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}
