import { describe, expect, it } from 'vitest';
import { findBackEdges, reachableFrom, type GraphNode } from '../../../scripts/compiler/branching-graph';

const g = (spec: Record<string, string[]>): GraphNode[] => Object.entries(spec).map(([id, next]) => ({ id, next }));

describe('branching graph', () => {
  it('finds the nodes reachable from start, ignoring edges to unknown nodes', () => {
    const nodes = g({ a: ['b', 'x'], b: ['c'], c: [], d: ['a'] });
    expect([...reachableFrom('a', nodes)].sort()).toEqual(['a', 'b', 'c']);
    expect(reachableFrom('nope', nodes).size).toBe(0);
  });

  it('accepts a diamond (two paths to one ending) as acyclic', () => {
    expect(findBackEdges('a', g({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toEqual([]);
  });

  it('reports the edge that closes a cycle, with the cycle spelled out', () => {
    const nodes = g({ a: ['b'], b: ['end', 'c'], c: ['a'], end: [] });
    expect(findBackEdges('a', nodes)).toEqual([{ from: 2, choice: 0, cycle: ['a', 'b', 'c', 'a'] }]);
  });

  it('reports a self-loop', () => {
    expect(findBackEdges('a', g({ a: ['a', 'b'], b: [] }))).toEqual([{ from: 0, choice: 0, cycle: ['a', 'a'] }]);
  });

  it('handles a long chain without recursion limits', () => {
    const spec: Record<string, string[]> = {};
    for (let i = 0; i < 5000; i++) spec[`n${i}`] = i < 4999 ? [`n${i + 1}`] : [];
    expect(findBackEdges('n0', g(spec))).toEqual([]);
    expect(reachableFrom('n0', g(spec)).size).toBe(5000);
  });
});
