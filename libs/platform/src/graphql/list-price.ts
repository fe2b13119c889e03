import type { ComplexityEstimatorArgs } from '@nestjs/graphql';
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { MAX_PAGE_SIZE } from './pagination/page';

/**
 * Prices of list fields for the query cost estimate (query-cost.ts). Every field that returns a
 * list or a connection declares one in the `complexity` option of its @Field, @ResolveField or
 * @Query: `listOf(n)`, `pagePrice`, or `pricedByConnection` for a connection's edges. The
 * estimate prices an undeclared one as a full page of MAX_PAGE_SIZE elements, and
 * test/e2e/query-limits fails on it, so a new list cannot be forgotten.
 */

/** Elements a capped list is priced as when its cap is higher: most lists are short, their cap bounds the rest. */
export const LIST_PRICED_AS = 10;

export type Price = (estimate: ComplexityEstimatorArgs) => number;

export interface CappedListPrice extends Price {
  /** The gateway returns at most this many elements (the first ones, in the list's order). */
  maxItems: number;
}

/**
 * A list without pages, of at most `maxItems` elements: priced as min(maxItems, LIST_PRICED_AS)
 * elements. Longer answers are cut to maxItems by capListFields.
 */
export function listOf(maxItems: number): CappedListPrice {
  const pricedAs = Math.min(maxItems, LIST_PRICED_AS);
  return Object.assign(({ childComplexity }: ComplexityEstimatorArgs) => 1 + pricedAs * childComplexity, { maxItems });
}

/** A connection: its `first` elements (capped at MAX_PAGE_SIZE; an explicit null is priced as the maximum). */
export const pagePrice: Price = ({ args, childComplexity }) =>
  1 + Math.max(1, Math.min(Number(args.first ?? MAX_PAGE_SIZE), MAX_PAGE_SIZE)) * childComplexity;

/** A connection's `edges`: the connection's price already counts its page size. */
export const pricedByConnection: Price = ({ childComplexity }) => 1 + childComplexity;

/** Whether a field of this type must declare a price: a list, or a connection (by the naming convention). */
export function needsListPrice(type: GraphQLOutputType): boolean {
  return isListType(getNullableType(type)) || getNamedType(type).name.endsWith('Connection');
}

/**
 * Makes every field priced with listOf(n) return at most n elements, whatever its resolver
 * returns (transformSchema of the gateway): the price is only honest with the cap.
 */
export function capListFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const maxItems = (field.extensions.complexity as Partial<CappedListPrice> | undefined)?.maxItems;
      if (maxItems === undefined) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const cap = (value: unknown) => (Array.isArray(value) && value.length > maxItems ? value.slice(0, maxItems) : value);
      field.resolve = (source, args, context, info) => {
        const value: unknown = resolve(source, args, context, info);
        return value instanceof Promise ? value.then(cap) : cap(value);
      };
    }
  }
  return schema;
}
