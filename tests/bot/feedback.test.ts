import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedbackStore, type FeedbackVote } from '../../src/bot/feedback.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function feedbackFile(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'feedback-'));
  dirs.push(dir);
  return path.join(dir, 'data', 'feedback.jsonl');
}

const vote = (answerId: string, userId: string, helpful = true): FeedbackVote => ({ ts: new Date(0).toISOString(), answerId, userId, guildId: null, question: 'q', passageIds: ['a#0'], helpful });

async function votesIn(file: string): Promise<FeedbackVote[]> {
  return (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as FeedbackVote);
}

describe('FeedbackStore', () => {
  it('GIVEN 500 clicks by one user on one answer THEN one vote, the last', async () => {
    const file = await feedbackFile();
    const store = new FeedbackStore(file);
    await Promise.all(Array.from({ length: 500 }, (_, i) => store.record(vote('answer-1', 'u1', i % 2 === 0))));
    expect(await votesIn(file)).toEqual([vote('answer-1', 'u1', false)]);
  });

  it('GIVEN more votes than the cap THEN the oldest are dropped and the file keeps the cap', async () => {
    const file = await feedbackFile();
    const store = new FeedbackStore(file, 3);
    for (const answer of ['a', 'b', 'c', 'd', 'e']) await store.record(vote(answer, 'u1'));
    expect((await votesIn(file)).map((v) => v.answerId)).toEqual(['c', 'd', 'e']);
  });

  it('GIVEN a changed mind on an older answer THEN that vote moves to the newest, and is the last dropped', async () => {
    const file = await feedbackFile();
    const store = new FeedbackStore(file, 2);
    await store.record(vote('a', 'u1'));
    await store.record(vote('b', 'u1'));
    await store.record(vote('a', 'u1', false));
    await store.record(vote('c', 'u1'));
    expect((await votesIn(file)).map((v) => [v.answerId, v.helpful])).toEqual([['a', false], ['c', true]]);
  });

  it('GIVEN an existing file (older lines, a torn last line, loose permissions) THEN its votes are kept and the file becomes private', async () => {
    const file = await feedbackFile();
    await new FeedbackStore(file).record(vote('a', 'u1'));
    await writeFile(file, `${await readFile(file, 'utf8')}{"ts":"x","userId":"u0","helpful":true}\n{"ts":`);
    await chmod(file, 0o644);
    await new FeedbackStore(file).record(vote('b', 'u2'));
    const votes = await votesIn(file);
    expect(votes.map((v) => v.userId)).toEqual(['u1', 'u0', 'u2']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
