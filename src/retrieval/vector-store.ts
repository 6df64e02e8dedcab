/**
 * Passage vectors in an HNSW graph (hnswlib-node, cosine space). hnswlib returns
 * distances; this boundary converts them to similarities (higher is better).
 */
import type { HierarchicalNSW } from 'hnswlib-node';

/**
 * hnswlib-node's graph class, loaded on first use: a lexical-only start never needs the native
 * module. Through the default export: Node gives a CommonJS module's names only there.
 */
async function hnswGraph(): Promise<typeof HierarchicalNSW> {
  return (await import('hnswlib-node')).default.HierarchicalNSW;
}

export const HNSW_M = 16;
export const HNSW_EF_CONSTRUCTION = 200;
export const HNSW_EF_SEARCH = 64;

export interface VectorHit {
  id: string;
  similarity: number;
}

export class VectorStore {
  private labels: Map<string, number> | undefined;

  private constructor(
    private readonly index: HierarchicalNSW,
    readonly dimensions: number,
    private readonly ids: string[],
  ) {}

  static async create(dimensions: number, vectors: ReadonlyArray<{ id: string; vector: readonly number[] }>): Promise<VectorStore> {
    const index = new (await hnswGraph())('cosine', dimensions);
    index.initIndex(Math.max(1, vectors.length), HNSW_M, HNSW_EF_CONSTRUCTION);
    vectors.forEach((v, label) => {
      if (v.vector.length !== dimensions) throw new Error(`vector of ${v.id} has ${v.vector.length} dimensions, expected ${dimensions}`);
      index.addPoint([...v.vector], label);
    });
    index.setEf(HNSW_EF_SEARCH);
    return new VectorStore(index, dimensions, vectors.map((v) => v.id));
  }

  /** Loads hnswlib-node's native module, which `create` and `load` need, ahead of them. */
  static async preload(): Promise<void> {
    await hnswGraph();
  }

  /** Load a graph written by `save`, with its label → passage id map. */
  static async load(file: string, dimensions: number, ids: string[]): Promise<VectorStore> {
    const index = new (await hnswGraph())('cosine', dimensions);
    // Off the main thread (libuv's pool): an index load parses its other files meanwhile.
    await index.readIndex(file, true);
    if (index.getCurrentCount() !== ids.length) throw new Error(`vector index holds ${index.getCurrentCount()} vectors for ${ids.length} passages`);
    index.setEf(HNSW_EF_SEARCH);
    return new VectorStore(index, dimensions, ids);
  }

  get size(): number {
    return this.ids.length;
  }

  get passageIds(): readonly string[] {
    return this.ids;
  }

  vectorOf(id: string): number[] | null {
    this.labels ??= new Map(this.ids.map((passageId, label) => [passageId, label]));
    const label = this.labels.get(id);
    return label === undefined ? null : this.index.getPoint(label);
  }

  save(file: string): void {
    this.index.writeIndexSync(file);
  }

  search(vector: readonly number[], k: number): VectorHit[] {
    const n = Math.min(k, this.ids.length);
    if (n === 0) return [];
    const { neighbors, distances } = this.index.searchKnn([...vector], n);
    return neighbors.map((label, i) => ({ id: this.ids[label] ?? '', similarity: 1 - (distances[i] ?? 1) }));
  }
}
