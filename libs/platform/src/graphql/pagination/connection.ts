import type { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { pricedByConnection } from '../list-price';
import { PageInfo } from './page-info.model';

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Relay-style connection types for a node type: `<typeName>Edge` and the fields of
 * `<typeName>Connection` (declare the concrete class with @ObjectType('<typeName>Connection')).
 */
export function Connection<T>(nodeType: Type<T>, typeName: string): Type<ConnectionShape<T>> {
  @ObjectType(`${typeName}Edge`)
  class EdgeType {
    @Field(() => nodeType) node: T;
    @Field() cursor: string;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [EdgeType], { complexity: pricedByConnection }) edges: EdgeType[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int) totalCount: number;
  }
  return ConnectionType as unknown as Type<ConnectionShape<T>>;
}
