/**
 * The shape of the house: data flows one way, so no folder of src/ may import, directly or
 * through others, from a folder that imports it (src/bot must not need src/commands, the core
 * no adapter, retrieval not the briefing built on it).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');

/** A file's part of src/: its top folder, or the file itself for files at the top (`errors.ts` → `errors`). */
function partOf(file: string): string {
  const [first = '', ...rest] = path.relative(SRC, file).split(path.sep);
  return rest.length === 0 ? first.replace(/\.ts$/u, '') : first;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** part → the parts it imports from (relative imports only; packages do not count). */
function partGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = partOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const match of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gmu)) {
      const to = partOf(path.resolve(path.dirname(file), match[1]!));
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Every cycle's parts, each found once from its smallest part. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const walk = (start: string, at: string, trail: string[]): void => {
    for (const next of graph.get(at) ?? []) {
      if (next === start) found.push([...trail, start]);
      else if (next > start && !trail.includes(next)) walk(start, next, [...trail, next]);
    }
  };
  for (const start of [...graph.keys()].sort()) walk(start, start, [start]);
  return found;
}

describe('the folders of src/', () => {
  it('GIVEN every relative import THEN no folder depends on itself through others', () => {
    const graph = partGraph();
    expect(graph.get('bot')?.size).toBeGreaterThan(0);
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('GIVEN a made-up cycle THEN the check finds it', () => {
    const graph = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });
});
