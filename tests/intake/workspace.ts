/** What the intake tests share: desks over copies of the demo corpus in temporary folders, cleaned up after each test, and refusals as values. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Desk } from '../../src/briefing/desk.js';
import { parseConfig, type Config } from '../../src/config.js';
import type { UserError } from '../../src/errors.js';
import type { IntakeDesk } from '../../src/intake/article-intake.js';
import type { StoredIndex } from '../../src/retrieval/index-store.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export class Workspaces {
  private readonly roots: string[] = [];
  private readonly desks: Desk[] = [];

  /** A configuration over a fresh copy of the demo corpus, data in the same temporary folder, no model (lexical). */
  async config(extra: Record<string, string> = {}): Promise<Readonly<Config>> {
    const root = await mkdtemp(path.join(os.tmpdir(), 'intake-'));
    this.roots.push(root);
    const corpusDir = path.join(root, 'corpus');
    await cp(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
    return parseConfig({ CORPUS_DIR: corpusDir, DATA_DIR: path.join(root, 'data'), MODELS_DIR: path.join(root, 'models'), LOG_LEVEL: 'silent', ...extra });
  }

  async desk(config: Readonly<Config>): Promise<Desk> {
    const desk = await Desk.open(config);
    this.desks.push(desk);
    return desk;
  }

  async cleanUp(): Promise<void> {
    await Promise.all(this.desks.splice(0).map((d) => d.close()));
    await Promise.all(this.roots.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  }
}

/** The UserError a promise is refused with (a promise that resolves fails the test). */
export async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(() => null, (e: unknown) => e as UserError);
  if (error === null) throw new Error('expected a refusal');
  return error;
}

/** A desk that counts its index updates and can run a hook inside each one (while it holds the writer lock). */
export function countingDesk(desk: IntakeDesk): IntakeDesk & { updates: number; during: (() => void) | null } {
  const counted = {
    updates: 0,
    during: null as (() => void) | null,
    get index() {
      return desk.index;
    },
    update<T>(change: (index: StoredIndex) => Promise<T>) {
      counted.updates++;
      return desk.update(async (index) => {
        counted.during?.();
        return change(index);
      });
    },
  };
  return counted;
}
