import { buildSchema, type DocumentNode, getOperationAST, Kind, parse, validate } from 'graphql';
import { depthLimitRule } from './depth-limit.rule';
import { rootFieldCount } from './mutation-rate-limit.plugin';
import { queryCost } from './query-cost';

const schema = buildSchema(`
  type Node { name: String, child: Node }
  type Query { root: Node, now: String }
  type Mutation { touch: Int }
`);

/**
 * `<root> fragment F1 on <on> { ...F2 ...F2 } ... fragment F<levels> on <on> { <leaf> }`, with a
 * count of how often the selections of each fragment are read: a walker that follows every
 * spread again reads F<levels> 2^(levels-1) times (minutes for 30 levels).
 */
function fanOut(levels: number, root: string, on: string, leaf: string): { document: DocumentNode; reads: Map<string, number> } {
  const fragments = Array.from({ length: levels - 1 }, (_, i) => `fragment F${i + 1} on ${on} { ...F${i + 2} ...F${i + 2} }`);
  const document = parse(`${root} ${fragments.join(' ')} fragment F${levels} on ${on} { ${leaf} }`);
  const reads = new Map<string, number>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const name = definition.name.value;
    const { selections } = definition.selectionSet;
    reads.set(name, 0);
    Object.defineProperty(definition.selectionSet, 'selections', {
      get: () => {
        reads.set(name, (reads.get(name) ?? 0) + 1);
        return selections;
      },
    });
  }
  return { document, reads };
}

const mostReads = (reads: Map<string, number>) => Math.max(...reads.values());

describe('walkers of a document follow each fragment once, however often it is spread', () => {
  it('the depth rule', () => {
    const { document, reads } = fanOut(30, '{ root { ...F1 } }', 'Node', 'child { name }');
    expect(validate(schema, document, [depthLimitRule(10)])).toEqual([]);
    // One read by graphql's visitor, one by the rule.
    expect(mostReads(reads)).toBe(2);
    expect(
      validate(schema, fanOut(30, '{ root { ...F1 } }', 'Node', 'child { name }').document, [depthLimitRule(2)]),
    ).toHaveLength(1);
  });

  it('the cost estimate, which still prices the fan-out at 2^29 fields', () => {
    const { document, reads } = fanOut(30, '{ ...F1 }', 'Query', 'now');
    expect(queryCost(schema, document, getOperationAST(document)!, {})).toBe(2 ** 29);
    expect(mostReads(reads)).toBe(1);
  });

  it('the mutation counter, which counts the distinct mutations the operation runs', () => {
    const { document, reads } = fanOut(30, 'mutation { ...F1 other: touch }', 'Mutation', 'touch');
    expect(rootFieldCount(document, getOperationAST(document)!)).toBe(2);
    expect(mostReads(reads)).toBe(1);
  });
});
