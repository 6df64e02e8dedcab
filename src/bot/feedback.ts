/** `/ask` feedback: one JSON line per click, appended to FEEDBACK_FILE (folder created on demand). */
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

export interface FeedbackRecord {
  ts: string;
  userId: string;
  guildId: string | null;
  question: string;
  passageIds: string[];
  helpful: boolean;
}

export async function appendFeedback(file: string, record: FeedbackRecord): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(record)}\n`, 'utf8');
}
