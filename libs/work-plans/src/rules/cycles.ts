/**
 * Cycle rules of a work plan, as pure functions over the plan's edges (no database): the
 * service loads the edges of the locked plan and asks these before writing.
 */

/** An edge `from -> to`: `from` depends on `to` (or `from`'s parent is `to`). */
export type Edge = readonly [from: string, to: string];

/**
 * A cycle in the directed graph of `edges`, as the list of nodes along it (first node
 * repeated at the end), or null when the graph is acyclic. Iterative DFS, so deep plans
 * cannot overflow the stack.
 */
export function findCycle(edges: Iterable<Edge>): string[] | null {
  const next = new Map<string, string[]>();
  for (const [from, to] of edges) {
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  }
  const WHITE = 0;
  const GREY = 1;
  const BLACK = 2;
  const colour = new Map<string, number>();
  for (const start of next.keys()) {
    if ((colour.get(start) ?? WHITE) !== WHITE) continue;
    const path: string[] = [start];
    const cursors: number[] = [0];
    colour.set(start, GREY);
    while (path.length) {
      const node = path[path.length - 1];
      const targets = next.get(node) ?? [];
      const index = cursors[cursors.length - 1];
      if (index >= targets.length) {
        colour.set(node, BLACK);
        path.pop();
        cursors.pop();
        continue;
      }
      cursors[cursors.length - 1] = index + 1;
      const target = targets[index];
      const state = colour.get(target) ?? WHITE;
      if (state === GREY) return [...path.slice(path.indexOf(target)), target];
      if (state === WHITE) {
        colour.set(target, GREY);
        path.push(target);
        cursors.push(0);
      }
    }
  }
  return null;
}

/**
 * The dependency edges of a plan after replacing `itemId`'s dependencies by `dependsOnIds`;
 * a cycle among them (or null).
 */
export function dependencyCycleAfter(edges: readonly Edge[], itemId: string, dependsOnIds: readonly string[]): string[] | null {
  const kept = edges.filter(([from]) => from !== itemId);
  return findCycle([...kept, ...dependsOnIds.map((to) => [itemId, to] as const)]);
}

/**
 * The parent chain that setting `itemId`'s parent to `parentId` would close into a loop (or
 * null). `parents` maps each item of the plan to its current parent.
 */
export function parentCycleAfter(
  parents: ReadonlyMap<string, string | null>,
  itemId: string,
  parentId: string | null,
): string[] | null {
  if (parentId === null) return null;
  const chain = [itemId];
  const seen = new Set(chain);
  let current: string | null = parentId;
  while (current !== null) {
    chain.push(current);
    if (seen.has(current)) return chain;
    seen.add(current);
    current = parents.get(current) ?? null;
  }
  return null;
}
