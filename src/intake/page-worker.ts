/**
 * The worker thread that reads web pages (page-reader.ts starts it): Readability on linkedom
 * costs the thread that runs it up to seconds for a large page, so it runs here, off the bot's
 * event loop. It says when it is ready, then answers each job with its result or its error.
 */
import { parentPort } from 'node:worker_threads';
import { articleFromHtml, paragraphsFromHtml } from './page-article.js';
import type { PageJob, PageReply } from './page-reader.js';

const port = parentPort;
if (port === null) throw new Error('page-worker.ts runs as a worker thread (page-reader.ts starts it)');
port.on('message', (job: PageJob) => {
  let reply: PageReply;
  try {
    reply = job.kind === 'article' ? { id: job.id, article: articleFromHtml(job.html, job.pageUrl) } : { id: job.id, paragraphs: paragraphsFromHtml(job.html) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies PageReply);
