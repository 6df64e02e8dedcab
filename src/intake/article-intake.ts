/**
 * Adding articles to the briefing from a link, a file or a feed item, and removing them. An
 * added article becomes a file under the corpus folder (`added/`), so a restart, `/reindex`
 * and the CLI all see it; the index is then brought up to date incrementally while answers
 * keep coming from the current one, once for all the adds asked for together (a feed's new
 * entries) or while it ran. The same article (same URL, or same text) is never added twice. Bad
 * input is refused with a UserError and adds nothing.
 */
import { copyFile, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { IngestReport } from '../briefing/types.js';
import { resolveArticle } from '../briefing/summary.js';
import { decodeArticleBytes, hashBytes } from '../corpus/load.js';
import { parseArticle, splitFrontMatter } from '../corpus/parse.js';
import type { Article, ArticleMeta } from '../corpus/types.js';
import { ERROR_CODES, UserError, isUserError } from '../errors.js';
import type { StoredIndex } from '../retrieval/index-store.js';
import { articleFileName, articleFileText, textKey, urlKey, type ArticleFileMeta } from './article-file.js';
import type { SafeFetcher } from './fetch.js';
import { decodeMarkup } from './markup.js';
import type { PageArticle } from './page-article.js';
import { pageReader, type PageReader } from './page-reader.js';

/** Content types read as a web page. */
export const PAGE_TYPES: readonly string[] = ['text/html', 'application/xhtml+xml'];
/** File types an upload may have, by extension. */
export const FILE_EXTENSIONS: readonly string[] = ['.txt', '.md', '.html', '.htm'];
/**
 * Less body text than this is not an article: cookie walls, paywall teasers, sign-in and
 * error pages come to a sentence or two of under 200 characters once navigation is gone,
 * while a two-sentence news brief is already longer.
 */
export const ARTICLE_MIN_CHARS = 200;

/** What the intake needs of the desk: the index answers come from, and a locked corpus change followed by an incremental update. */
export interface IntakeDesk {
  readonly index: StoredIndex;
  update<T>(change: (index: StoredIndex) => Promise<T>): Promise<{ result: T; report: IngestReport }>;
}

export interface IntakeDeps {
  desk: IntakeDesk;
  fetcher: SafeFetcher;
  corpusDir: string;
  /** Inside `corpusDir`. */
  addedDir: string;
  /** Where removed articles are moved to (never deleted outright). */
  removedDir: string;
  /** The largest article file the corpus reads (MAX_ARTICLE_MB): a larger one would be written and then skipped. */
  maxArticleBytes: number;
  /** Reads pages off the event loop; the process's worker by default. */
  pages?: PageReader;
  now?: () => Date;
}

export interface AddedArticle {
  article: ArticleMeta;
  /** Its first body sentence: the gist an announcement shows. */
  lead: string;
  report: IngestReport;
}

/** An added article as `/article list` shows it. */
export interface AddedArticleEntry extends ArticleMeta {
  addedBy: string | null;
  addedAt: string | null;
}

/** A page's article without its page: what a feed item carries when its link cannot be read. */
export interface ArticleDraft extends PageArticle {
  url: string | null;
}

/** An article read and checked, ready to be added (or refused as a copy of one already in). */
export interface PreparedArticle {
  fileName: string;
  text: string;
  /** As the corpus will read it. */
  article: Article;
  url: string | null;
}

const metaOf = ({ raw: _raw, sentences: _sentences, captions: _captions, ...meta }: Article): ArticleMeta => meta;

/** The text key of each article, computed once: an update keeps the unchanged articles' objects. */
const textKeys = new WeakMap<Article, string>();

function textKeyOf(article: Article): string {
  let key = textKeys.get(article);
  if (key === undefined) {
    key = textKey(article.sentences.map((s) => s.text));
    textKeys.set(article, key);
  }
  return key;
}

/** Keys of the articles in one index, computed once per index. */
const keysByIndex = new WeakMap<StoredIndex, { urls: Map<string, Article>; texts: Map<string, Article> }>();

function keysOf(index: StoredIndex): { urls: Map<string, Article>; texts: Map<string, Article> } {
  let keys = keysByIndex.get(index);
  if (keys === undefined) {
    keys = { urls: new Map(), texts: new Map() };
    for (const article of index.articles.values()) {
      if (article.url !== null) keys.urls.set(urlKey(article.url), article);
      keys.texts.set(textKeyOf(article), article);
    }
    keysByIndex.set(index, keys);
  }
  return keys;
}

/** An add waiting for the next index update. */
interface QueuedAdd {
  prepared: PreparedArticle;
  resolve: (added: AddedArticle) => void;
  reject: (error: unknown) => void;
}

function duplicate(article: Article): UserError {
  return new UserError(ERROR_CODES.ARTICLE_DUPLICATE, 'articleDuplicate', { title: article.title, docId: article.docId });
}

/** A page without a title is named by the start of its first paragraph, cut at a word. */
const UNTITLED_MAX_CHARS = 80;

function untitled(paragraph: string): string {
  if (paragraph.length <= UNTITLED_MAX_CHARS) return paragraph;
  const cut = paragraph.slice(0, UNTITLED_MAX_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : cut).trim()}…`;
}

function bodyChars(article: Article): number {
  return article.sentences.reduce((sum, s) => sum + s.text.length, 0);
}

export class ArticleIntake {
  /** Index updates and removals run one at a time: each one's duplicate check sees what the one before wrote. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Adds waiting for the next index update, which takes them all at once. */
  private waiting: QueuedAdd[] = [];
  private updateQueued = false;

  constructor(private readonly deps: IntakeDeps) {}

  /** The article already in the briefing at this URL, if any. */
  findByUrl(url: string): ArticleMeta | null {
    const found = keysOf(this.deps.desk.index).urls.get(urlKey(url));
    return found === undefined ? null : metaOf(found);
  }

  /** Fetches a web page, reduces it to its article and adds it; `defaults` fill what the page does not say (a feed entry's date). */
  async addUrl(url: string, addedBy: string, defaults: Partial<Pick<PageArticle, 'date' | 'byline' | 'source'>> = {}): Promise<AddedArticle> {
    return this.add(await this.prepareUrl(url, addedBy, defaults));
  }

  /** A web page reduced to its article and checked, not added yet. */
  async prepareUrl(url: string, addedBy: string, defaults: Partial<Pick<PageArticle, 'date' | 'byline' | 'source'>> = {}): Promise<PreparedArticle> {
    const known = keysOf(this.deps.desk.index).urls.get(urlKey(url));
    if (known !== undefined) throw duplicate(known);
    const fetched = await this.deps.fetcher.fetch({ url, accept: PAGE_TYPES });
    if (fetched.status !== 'ok') throw new Error(`an unconditional fetch of ${url} answered ${fetched.status}`);
    const page = await this.pages.article(decodeMarkup(fetched.body, fetched.charset), fetched.url, url);
    const filled = { date: page.date ?? defaults.date ?? null, byline: page.byline ?? defaults.byline ?? null, source: page.source ?? defaults.source ?? null };
    return this.prepareDraft({ ...page, ...filled, url: fetched.url }, addedBy, url);
  }

  /** Adds an article already reduced to its parts (a page, or a feed item's own content). */
  addDraft(draft: ArticleDraft, addedBy: string, where?: string): Promise<AddedArticle> {
    try {
      return this.add(this.prepareDraft(draft, addedBy, where));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** An article already reduced to its parts, checked, not added yet. */
  prepareDraft(draft: ArticleDraft, addedBy: string, where: string = draft.url ?? draft.title): PreparedArticle {
    // The first line of an article file is its title: without one, the first paragraph would be taken for it.
    const title = draft.title.trim() || untitled(draft.paragraphs[0] ?? '');
    const meta = { title, source: draft.source, url: draft.url, date: draft.date, author: draft.byline, addedBy, addedAt: this.now() };
    const body = [title, ...draft.paragraphs].join('\n\n');
    return this.prepare(meta, body, '.txt', where);
  }

  /** Adds an uploaded `.txt`, `.md` or `.html` file. */
  async addFile(name: string, bytes: Uint8Array, addedBy: string): Promise<AddedArticle> {
    const extension = path.extname(name).toLowerCase();
    if (!FILE_EXTENSIONS.includes(extension)) throw new UserError(ERROR_CODES.FILE_TYPE_UNSUPPORTED, 'fileTypeUnsupported', { name });
    const decoded = decodeArticleBytes(name, bytes);
    if ('warning' in decoded) {
      if (decoded.warning.code === 'EMPTY') throw new UserError(ERROR_CODES.NO_ARTICLE_TEXT, 'noArticleText', { where: name });
      throw new UserError(ERROR_CODES.FILE_NOT_TEXT, 'fileNotText', { name });
    }
    if (extension === '.html' || extension === '.htm') {
      const page = await this.pages.article(decodeMarkup(bytes, 'utf-8'), null, name);
      return this.addDraft({ ...page, title: page.title || path.basename(name, extension), url: null }, addedBy, name);
    }
    const parsed = parseArticle({ docId: name, file: name, text: decoded.text, contentHash: hashBytes(bytes) });
    const meta = { title: parsed.title, source: parsed.sources.length > 0 ? parsed.sources.join(', ') : null, url: parsed.url, date: parsed.date, author: parsed.author, addedBy, addedAt: this.now() };
    return this.add(this.prepare(meta, parsed.raw.slice(splitFrontMatter(parsed.raw).bodyStart), extension === '.md' ? '.md' : '.txt', name));
  }

  /** Adds a local file (the console's `/add <path>`), read only up to the article size limit. */
  async addPath(file: string, addedBy: string): Promise<AddedArticle> {
    const name = path.basename(file);
    let bytes: Buffer;
    try {
      const handle = await open(file, 'r');
      try {
        const { size } = await handle.stat();
        if (size > this.deps.maxArticleBytes) throw new UserError(ERROR_CODES.FETCH_TOO_LARGE, 'fileTooLarge', { name, megabytes: this.deps.maxArticleBytes / 2 ** 20 });
        bytes = await handle.readFile();
      } finally {
        await handle.close();
      }
    } catch (error) {
      if (isUserError(error)) throw error;
      throw new UserError(ERROR_CODES.FILE_UNREADABLE, 'fileUnreadable', { name: file, detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
    }
    return this.addFile(name, bytes, addedBy);
  }

  /**
   * Adds a prepared article. Adds asked for in the same turn of the event loop, or while an index
   * update runs, are written together and taken in by one index update; each is still refused
   * (a copy of an article in the briefing, or of another in the same update) or added on its own.
   */
  add(prepared: PreparedArticle): Promise<AddedArticle> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ prepared, resolve, reject });
      if (this.updateQueued) return;
      this.updateQueued = true;
      void this.serial(() => this.addWaiting());
    });
  }

  /** Removes an added article (by docId or a unique prefix of one): its file moves out of the corpus. */
  async remove(ref: string): Promise<ArticleMeta> {
    return this.serial(async () => {
      const { result } = await this.deps.desk.update(async (index) => {
        const article = resolveArticle([...index.articles.values()], ref);
        if (!this.isAdded(article)) throw new UserError(ERROR_CODES.ARTICLE_NOT_ADDED, 'articleNotAdded', { docId: article.docId });
        await mkdir(this.deps.removedDir, { recursive: true });
        await moveFile(path.join(this.deps.corpusDir, article.file), path.join(this.deps.removedDir, `${Date.now()}-${path.basename(article.file)}`));
        return metaOf(article);
      });
      return result;
    });
  }

  /** The added articles, newest first, with who added them. */
  list(): AddedArticleEntry[] {
    const added = [...this.deps.desk.index.articles.values()].filter((a) => this.isAdded(a));
    const entries = added.map((article) => ({ ...metaOf(article), ...addedFields(article.raw) }));
    return entries.sort((a, b) => (b.addedAt ?? '').localeCompare(a.addedAt ?? ''));
  }

  /** Whether an article is one this intake added (its file is under the added folder). */
  isAdded(article: Pick<ArticleMeta, 'file'>): boolean {
    const relative = path.relative(this.deps.corpusDir, this.deps.addedDir).split(path.sep).join('/');
    return article.file.startsWith(`${relative}/`);
  }

  private get pages(): PageReader {
    return this.deps.pages ?? pageReader;
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }

  private prepare(meta: ArticleFileMeta, body: string, extension: '.txt' | '.md', where: string): PreparedArticle {
    const fileName = articleFileName(meta, body, extension);
    const text = articleFileText(meta, body);
    if (Buffer.byteLength(text) > this.deps.maxArticleBytes) throw new UserError(ERROR_CODES.FETCH_TOO_LARGE, 'fileTooLarge', { name: where, megabytes: this.deps.maxArticleBytes / 2 ** 20 });
    const relative = path.relative(this.deps.corpusDir, path.join(this.deps.addedDir, fileName)).split(path.sep).join('/');
    const article = parseArticle({ docId: path.basename(fileName, extension), file: relative, text, contentHash: hashBytes(Buffer.from(text)) });
    if (bodyChars(article) < ARTICLE_MIN_CHARS) throw new UserError(ERROR_CODES.NO_ARTICLE_TEXT, 'noArticleText', { where });
    return { fileName, text, article, url: meta.url };
  }

  /** The article `prepared` copies, in the briefing or among `alsoNew`; undefined when it is new. */
  private copyOf(prepared: PreparedArticle, index: StoredIndex, alsoNew?: { urls: Map<string, Article>; texts: Map<string, Article> }): Article | undefined {
    const url = prepared.url === null ? null : urlKey(prepared.url);
    const text = textKeyOf(prepared.article);
    for (const keys of [keysOf(index), alsoNew]) {
      const found = (url === null ? undefined : keys?.urls.get(url)) ?? keys?.texts.get(text);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** Takes the adds waiting into one index update; each is told its outcome, whatever happens. */
  private async addWaiting(): Promise<void> {
    const batch = this.waiting.splice(0);
    this.updateQueued = false;
    try {
      await this.addAll(batch);
    } catch (error) {
      // Past the update (a file that cannot be deleted): the adds not told yet are told this (a promise settles once).
      for (const { reject } of batch) reject(error);
    }
  }

  /** Writes the articles of `batch` and brings the index up to date once for all of them. */
  private async addAll(batch: readonly QueuedAdd[]): Promise<void> {
    const fresh = batch.filter(({ prepared, reject }) => {
      const copied = this.copyOf(prepared, this.deps.desk.index);
      if (copied !== undefined) reject(duplicate(copied));
      return copied === undefined;
    });
    if (fresh.length === 0) return;
    const written: Array<{ add: QueuedAdd; file: string }> = [];
    try {
      const { report } = await this.deps.desk.update(async (index) => {
        const inThisUpdate = { urls: new Map<string, Article>(), texts: new Map<string, Article>() };
        for (const add of fresh) {
          const { prepared } = add;
          const copied = this.copyOf(prepared, index, inThisUpdate);
          if (copied !== undefined) {
            add.reject(duplicate(copied));
            continue;
          }
          try {
            written.push({ add, file: await this.writeArticle(prepared) });
          } catch (error) {
            add.reject(error);
            continue;
          }
          if (prepared.url !== null) inThisUpdate.urls.set(urlKey(prepared.url), prepared.article);
          inThisUpdate.texts.set(textKeyOf(prepared.article), prepared.article);
        }
      });
      const byFile = new Map([...this.deps.desk.index.articles.values()].map((a) => [a.file, a]));
      for (const { add, file } of written) {
        const article = byFile.get(add.prepared.article.file);
        if (article !== undefined) add.resolve({ article: metaOf(article), lead: article.sentences[0]?.text ?? '', report });
        else {
          await rm(file, { force: true });
          add.reject(new Error(`${add.prepared.article.file} was written but the index does not hold it`));
        }
      }
    } catch (error) {
      // The corpus goes back to what the index holds: nothing was added (an add refused already stays refused).
      await Promise.all(written.map(({ file }) => rm(file, { force: true })));
      for (const { reject } of fresh) reject(error);
    }
  }

  /** Writes an article's file under the added folder (whole or not at all); returns its path. */
  private async writeArticle(prepared: PreparedArticle): Promise<string> {
    const file = path.join(this.deps.addedDir, prepared.fileName);
    const temp = `${file}.tmp-${process.pid}`;
    await mkdir(this.deps.addedDir, { recursive: true });
    try {
      await writeFile(temp, prepared.text, { flag: 'wx' });
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return file;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.catch(() => undefined).then(work);
    this.queue = run;
    return run;
  }
}

/** `added_by` and `added_at` from an added file's front matter. */
function addedFields(raw: string): { addedBy: string | null; addedAt: string | null } {
  const { frontMatter } = splitFrontMatter(raw);
  let data: unknown = null;
  try {
    data = parseYaml(frontMatter ?? '');
  } catch {
    data = null;
  }
  const record = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  return { addedBy: text(record['added_by']), addedAt: text(record['added_at']) };
}

/** A rename, or a copy and delete when the two folders are on different file systems. */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to);
    await rm(from);
  }
}
