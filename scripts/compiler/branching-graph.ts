/**
 * Graph rules of a branching item (a conversation): pure functions over node ids and edges, so the
 * checks in item-checks.ts only translate the findings into positioned problems.
 */

export interface GraphNode {
  id: string;
  /** Targets of this node's choices, in order (empty for an ending). */
  next: readonly string[];
}

export interface BackEdge {
  /** Node whose choice closes the cycle. */
  from: number;
  /** Index of that choice within the node. */
  choice: number;
  /** The cycle as node ids, first id repeated at the end: a → b → a. */
  cycle: string[];
}

/** Ids reachable from `start` (including it) following only edges to existing nodes. */
export function reachableFrom(start: string, nodes: readonly GraphNode[]): Set<string> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const todo = byId.has(start) ? [start] : [];
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of byId.get(id)!.next) if (byId.has(next) && !seen.has(next)) todo.push(next);
  }
  return seen;
}

/**
 * Every edge that closes a cycle, found by depth-first search from `start` (unreachable nodes are
 * reported separately, so they are not searched). Iterative, so a long chain cannot overflow the stack.
 */
export function findBackEdges(start: string, nodes: readonly GraphNode[]): BackEdge[] {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const state = new Map<number, 'open' | 'done'>();
  const out: BackEdge[] = [];
  const first = index.get(start);
  if (first === undefined) return out;
  // Each frame: a node and the next choice to follow.
  const stack: Array<{ node: number; choice: number }> = [{ node: first, choice: 0 }];
  state.set(first, 'open');
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const targets = nodes[frame.node]!.next;
    if (frame.choice >= targets.length) {
      state.set(frame.node, 'done');
      stack.pop();
      continue;
    }
    const choice = frame.choice++;
    const target = index.get(targets[choice]!);
    if (target === undefined) continue;
    const seen = state.get(target);
    if (seen === 'open') {
      const from = stack.findIndex((f) => f.node === target);
      const cycle = stack.slice(from).map((f) => nodes[f.node]!.id);
      out.push({ from: frame.node, choice, cycle: [...cycle, nodes[target]!.id] });
    } else if (seen === undefined) {
      state.set(target, 'open');
      stack.push({ node: target, choice: 0 });
    }
  }
  return out;
}
