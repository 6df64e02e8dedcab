/** Child processes for the fault tests: started with tsx, watched line by line, killed with SIGKILL. */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(ROOT, 'src/cli/bin.ts');

/** The configuration of the tiny generated model: real embedding, so vector files are written and an ingest takes a while. */
export const TINY_MODEL = {
  EMBEDDING_MODEL: 'briefbot/tiny-multilingual-test',
  EMBEDDING_DTYPE: 'q8',
  MODELS_DIR: path.join(ROOT, 'tests/fixtures/models'),
} as const;

export interface Child {
  process: ChildProcess;
  /** Every line it printed so far, stdout and stderr together. */
  lines: string[];
  /** Resolves with the first line (past or future) matching `pattern`; rejects if the child exits first. */
  waitFor(pattern: RegExp): Promise<string>;
  /** Resolves with the exit code (null when killed) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): Promise<void>;
}

export function startChild(script: string, args: readonly string[], env: Record<string, string> = {}, options: { uid?: number; gid?: number } = {}): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  const onLine = (line: string): void => {
    lines.push(line);
    for (const w of waiters.filter((x) => x.pattern.test(line))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(line);
    }
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    process: child,
    lines,
    waitFor(pattern) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        waiters.push({ pattern, resolve });
        void exited.then(({ code, signal }) => reject(new Error(`the child exited (${code ?? signal}) before printing ${pattern}:\n${lines.join('\n')}`)));
      });
    },
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A fresh folder with a copy of the demo corpus in `corpus/`; removed by the returned cleanup. */
export async function demoWorkspace(prefix: string): Promise<{ root: string; corpusDir: string; indexDir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), prefix));
  const corpusDir = path.join(root, 'corpus');
  await cp(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
  return { root, corpusDir, indexDir: path.join(root, 'index'), cleanup: () => rm(root, { recursive: true, force: true }) };
}
