/**
 * `/ask` feedback (Helpful / Not helpful) in FEEDBACK_FILE, JSON lines. One vote per user per
 * answer: a second click, or the other button, replaces the first. At most FEEDBACK_MAX_VOTES
 * are kept, the oldest dropped, so no one's clicking can grow the file without bound. The file
 * is the bot's user's alone (mode 0600): it holds user ids and their questions. Each vote
 * rewrites it whole, through a temporary file renamed over it, one vote at a time.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * A few months of a busy team's votes (a few dozen a day), while the file stays within a few MB
 * (a vote is 0.3–1.3 KB with its question), small enough to rewrite on each click.
 */
export const FEEDBACK_MAX_VOTES = 5000;
const FEEDBACK_FILE_MODE = 0o600;

export interface FeedbackVote {
  ts: string;
  /** The answer voted on: the `/ask` session its buttons belong to. */
  answerId: string;
  userId: string;
  guildId: string | null;
  question: string;
  passageIds: string[];
  helpful: boolean;
}

function voteKey(vote: Pick<FeedbackVote, 'answerId' | 'userId'>): string {
  return JSON.stringify([vote.answerId, vote.userId]);
}

export class FeedbackStore {
  private votes: Map<string, FeedbackVote> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly maxVotes: number = FEEDBACK_MAX_VOTES,
  ) {}

  /** Records `vote`, replacing the same user's earlier vote on the same answer. */
  record(vote: FeedbackVote): Promise<void> {
    const done = this.writing.then(() => this.write(vote));
    this.writing = done.catch(() => undefined);
    return done;
  }

  private async load(): Promise<Map<string, FeedbackVote>> {
    if (this.votes !== null) return this.votes;
    const votes = new Map<string, FeedbackVote>();
    const text = await readFile(this.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        const vote = JSON.parse(line) as FeedbackVote;
        // Lines written before votes had an answer id stay, each as its own vote.
        votes.set(typeof vote.answerId === 'string' ? voteKey(vote) : `line ${i}`, vote);
      } catch {
        // A line cut short by a crash of an older version: dropped.
      }
    });
    this.votes = votes;
    return votes;
  }

  private async write(vote: FeedbackVote): Promise<void> {
    const votes = new Map(await this.load());
    const key = voteKey(vote);
    votes.delete(key);
    votes.set(key, vote);
    for (const oldest of votes.keys()) {
      if (votes.size <= this.maxVotes) break;
      votes.delete(oldest);
    }
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      const handle = await open(temp, 'w', FEEDBACK_FILE_MODE);
      try {
        await handle.writeFile([...votes.values()].map((v) => `${JSON.stringify(v)}\n`).join(''));
      } finally {
        await handle.close();
      }
      await rename(temp, this.file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    this.votes = votes;
  }
}
