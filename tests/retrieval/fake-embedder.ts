import { createHash } from 'node:crypto';
import { TransformersEmbeddings } from '../../src/retrieval/embedder.js';

export const FAKE_DIMENSIONS = 16;

/** A unit vector derived from the text's hash: deterministic, cheap, distinct per text. */
export function fakeVector(text: string): number[] {
  const bytes = createHash('sha256').update(text).digest();
  const v = Array.from({ length: FAKE_DIMENSIONS }, (_, i) => (bytes[i] ?? 0) - 127.5);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

/** A real TransformersEmbeddings over a fake encoder that records every text it embeds. */
export function spyEmbedder(modelId = 'fake/model'): { embedder: TransformersEmbeddings; embedded: string[] } {
  const embedded: string[] = [];
  const encode = async (texts: string[]) => {
    embedded.push(...texts);
    return texts.map(fakeVector);
  };
  return { embedder: new TransformersEmbeddings(modelId, encode, FAKE_DIMENSIONS, { query: '', passage: '' }), embedded };
}
