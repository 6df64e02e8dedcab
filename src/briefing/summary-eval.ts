/**
 * Summary evaluation: does a whole-briefing summary state the main facts a person labelled?
 * A fact set file maps a corpus folder (relative to the file) to its facts; each fact is
 * covered when one of its patterns matches a summary sentence. Pure: no file access here.
 */
import { z } from 'zod';
import { ERROR_CODES, UserError } from '../errors.js';
import type { SummaryResult } from './types.js';

export interface FactLabel {
  fact: string;
  /** Regular-expression sources (matched with the `iu` flags); one match in one sentence covers the fact. */
  any: string[];
}

export interface FactCoverage {
  facts: number;
  covered: number;
  /** For each fact, the 1-based summary sentence that states it, or null. */
  perFact: Array<{ fact: string; sentence: number | null }>;
}

const factSetSchema = z.record(
  z.string().min(1),
  z.array(z.object({ fact: z.string().min(1), any: z.array(z.string().min(1)).min(1) })).min(1),
);

/** Parse and check a fact set file's JSON: corpus folder → facts, every pattern a valid regular expression. */
export function parseFactSets(json: unknown, file: string): Record<string, FactLabel[]> {
  const parsed = factSetSchema.safeParse(json);
  if (!parsed.success) {
    throw new UserError(ERROR_CODES.BAD_BATCH_FILE, 'factSetInvalid', { file, detail: parsed.error.issues[0]?.message ?? 'bad shape' });
  }
  for (const facts of Object.values(parsed.data)) {
    for (const f of facts) {
      for (const source of f.any) {
        try {
          new RegExp(source, 'iu');
        } catch {
          throw new UserError(ERROR_CODES.BAD_BATCH_FILE, 'factSetBadPattern', { file, pattern: source });
        }
      }
    }
  }
  return Object.fromEntries(Object.entries(parsed.data).map(([k, facts]) => [k, facts.map((f) => ({ fact: f.fact, any: [...f.any] }))]));
}

export function factCoverage(summary: SummaryResult, facts: readonly FactLabel[]): FactCoverage {
  const texts = summary.sentences.map((s) => s.text.normalize('NFC'));
  const perFact = facts.map((f) => {
    const patterns = f.any.map((source) => new RegExp(source, 'iu'));
    const index = texts.findIndex((t) => patterns.some((p) => p.test(t)));
    return { fact: f.fact, sentence: index === -1 ? null : index + 1 };
  });
  return { facts: facts.length, covered: perFact.filter((f) => f.sentence !== null).length, perFact };
}
