/** Question files (JSON lines) and asking a desk every question in one, for `ask --batch` and `eval`. */
import { readFile } from 'node:fs/promises';
import { ERROR_CODES, UserError, isUserError } from '../errors.js';
import type { EvalItem } from '../retrieval/eval.js';
import type { AskResult } from '../retrieval/types.js';

/** What a desk answers: the CLI's one dependency on it here. */
export interface Asker {
  ask(question: string, options: { k: number }): Promise<AskResult>;
}

const stringsOf = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.map(String) : undefined);

/** The questions of a JSON-lines file: `{"question": …, "expect_any"?: […], "docs"?: […]}` a line. */
export async function readQuestionFile(file: string): Promise<EvalItem[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError(ERROR_CODES.BAD_BATCH_FILE, 'batchUnreadable', { file });
  }
  const items: EvalItem[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new UserError(ERROR_CODES.BAD_BATCH_FILE, 'batchLineNotJson', { file, line: i + 1 });
    }
    const item = (parsed ?? {}) as Record<string, unknown>;
    if (typeof item['question'] !== 'string') {
      throw new UserError(ERROR_CODES.BAD_BATCH_FILE, 'batchLineNoQuestion', { file, line: i + 1 });
    }
    const docs = stringsOf(item['docs']);
    items.push({ question: item['question'], expect_any: stringsOf(item['expect_any']) ?? [], ...(docs === undefined ? {} : { docs }) });
  });
  return items;
}

export type BatchAnswer = AskResult | { question: string; error: { code: string; message: string } };

/** One answer per question, in input order; a bad question becomes an error entry, not a crash. */
export async function answerAll(desk: Asker, items: readonly EvalItem[], k: number): Promise<BatchAnswer[]> {
  const answers: BatchAnswer[] = [];
  for (const item of items) {
    try {
      answers.push(await desk.ask(item.question, { k }));
    } catch (error) {
      if (!isUserError(error)) throw error;
      answers.push({ question: item.question, error: { code: error.code, message: error.message } });
    }
  }
  return answers;
}
