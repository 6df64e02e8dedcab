/**
 * The feeds followed, one JSON file in the data folder: for each feed its address, the server and
 * channel it was added in, the validators of its last answer and the entries already taken in
 * (so a restart neither adds nor announces anything twice). Written whole to a temporary file and
 * renamed over the old one, so a crash leaves the old list or the new.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ERROR_CODES, UserError } from '../errors.js';

/**
 * Entry keys remembered per feed. A feed lists its latest 10 to 100 entries; remembering 500
 * keeps every entry it still lists from being taken for new, while the file stays small.
 */
export const FEED_SEEN_MAX = 500;
/** Hex digits of a feed's id: short enough to type, and with a few feeds per server, no clash. */
const FEED_ID_CHARS = 8;
const FILE_VERSION = 1;

const feedSchema = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string().nullable(),
  guildId: z.string().nullable(),
  channelId: z.string().nullable(),
  addedBy: z.string(),
  addedAt: z.string(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  /** Keys of the entries already handled, newest first. */
  seen: z.array(z.string()),
  /** Entry key → failed attempts, for entries whose page could not be read yet. */
  failures: z.record(z.string(), z.number()),
  lastPolledAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

const fileSchema = z.object({ version: z.literal(FILE_VERSION), feeds: z.array(feedSchema) });

export type FeedRecord = z.infer<typeof feedSchema>;

export function feedId(guildId: string | null, url: string): string {
  return createHash('sha256').update(`${guildId ?? ''} ${url}`).digest('hex').slice(0, FEED_ID_CHARS);
}

export class FeedStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private feeds: FeedRecord[],
  ) {}

  /** The list in `file`; none yet when it does not exist. A damaged file is set aside (renamed) and reported, not overwritten. */
  static async open(file: string): Promise<{ store: FeedStore; setAside: string | null }> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { store: new FeedStore(file, []), setAside: null };
      throw error;
    }
    try {
      return { store: new FeedStore(file, fileSchema.parse(JSON.parse(text)).feeds), setAside: null };
    } catch {
      const aside = `${file}.damaged-${Date.now()}`;
      await rename(file, aside);
      return { store: new FeedStore(file, []), setAside: aside };
    }
  }

  /** The feeds of one server (null: those added from the console), or every feed. */
  list(guildId?: string | null): FeedRecord[] {
    return this.feeds.filter((f) => guildId === undefined || f.guildId === guildId).map((f) => structuredClone(f));
  }

  /** A server's feed by id, id prefix or address. */
  find(guildId: string | null, ref: string): FeedRecord {
    const wanted = ref.trim();
    const mine = this.feeds.filter((f) => f.guildId === guildId);
    const found = mine.find((f) => f.id === wanted || f.url === wanted) ?? (() => {
      const byPrefix = mine.filter((f) => wanted !== '' && f.id.startsWith(wanted));
      return byPrefix.length === 1 ? byPrefix[0] : undefined;
    })();
    if (found === undefined) throw new UserError(ERROR_CODES.FEED_NOT_FOUND, 'feedNotFound', { feed: wanted });
    return structuredClone(found);
  }

  async add(feed: FeedRecord): Promise<void> {
    if (this.feeds.some((f) => f.id === feed.id)) throw new UserError(ERROR_CODES.FEED_DUPLICATE, 'feedDuplicate', { url: feed.url });
    this.feeds.push(structuredClone(feed));
    await this.write();
  }

  /** Replaces the stored record of `feed.id` (a feed removed meanwhile stays removed). */
  async save(feed: FeedRecord): Promise<void> {
    const at = this.feeds.findIndex((f) => f.id === feed.id);
    if (at === -1) return;
    this.feeds[at] = { ...structuredClone(feed), seen: feed.seen.slice(0, FEED_SEEN_MAX) };
    await this.write();
  }

  async remove(id: string): Promise<void> {
    this.feeds = this.feeds.filter((f) => f.id !== id);
    await this.write();
  }

  /** Writes queue behind one another: each writes the whole list as it is when its turn comes. */
  private write(): Promise<void> {
    const next = this.writing.catch(() => undefined).then(() => this.writeNow());
    this.writing = next;
    return next;
  }

  private async writeNow(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp-${process.pid}`;
    try {
      await writeFile(temp, `${JSON.stringify({ version: FILE_VERSION, feeds: this.feeds }, null, 2)}\n`);
      await rename(temp, this.file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}
