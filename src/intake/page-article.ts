/**
 * A web page → its article: title, byline, date, source and body paragraphs, with Mozilla's
 * Readability (the Firefox Reader View engine) on a linkedom DOM. Navigation, ads, related
 * links, comments and footers are left out; scripts are parsed as inert text and never run.
 * Pure: HTML in, plain data out.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isoDay } from './markup.js';

export interface PageArticle {
  title: string;
  byline: string | null;
  /** `YYYY-MM-DD` as the page states it, or null. */
  date: string | null;
  /** The site's own name (og:site_name), else the host name without `www.`; null without either. */
  source: string | null;
  /** Body paragraphs in reading order, whitespace collapsed. */
  paragraphs: string[];
}

/** Elements whose text is never article text, whatever Readability makes of them (JSON-LD stays: Readability reads the date and author from it). */
const NEVER_TEXT = 'script:not([type="application/ld+json"]), style, noscript, template, iframe, object, embed, svg, canvas, form, button, select, input, textarea, dialog, nav, [role="navigation"]';
/**
 * Class or id words of advertising and promotion blocks, in English and Vietnamese
 * (`quang-cao`, `qc` are "advertisement"). Readability only knows `-ad-`, so a plain
 * `<div class="ad">` or `<div class="quang-cao">` next to the article would be kept.
 */
const AD_WORDS = /(?:^|[\s_-])(?:ads?|adv|advert|advertisement|advertising|adsbygoogle|banner|sponsored|sponsor|promo|qc|quang-?cao|quangcao)(?=$|[\s_-])/iu;
/** Readability's own byline pattern: these blocks name the author, not article text. */
const BYLINE_WORDS = /byline|author|dateline|writtenby|p-author/iu;
/** Class or id words of a block that states when the page was published (`<span class="date">Thứ Sáu, 5/12/2025</span>`). */
const DATE_WORDS = /(?:^|[\s_-])(?:date|time|timestamp|published|pubdate|posted)(?=$|[\s_-])/iu;
/** A byline or date block is a line, not a paragraph: longer blocks with such a class are kept as text. */
const BYLINE_MAX_CHARS = 100;
/** Blocks of the article: each becomes one paragraph. */
const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'TABLE', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'UL', 'OL', 'FIGURE', 'ADDRESS', 'HR']);
/** Photo captions and their figures are not body text (a caption repeats or labels a picture). */
const SKIPPED_BLOCKS = new Set(['FIGURE', 'FIGCAPTION', 'PICTURE', 'IMG']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  remove(): void;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

interface DomDocument {
  documentElement: DomElement;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function hostName(pageUrl: string | null): string | null {
  if (pageUrl === null) return null;
  try {
    return new URL(pageUrl).hostname.replace(/^www\./u, '') || null;
  } catch {
    return null;
  }
}

function classAndId(element: DomElement): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
}

/**
 * Removes what is never article text, remembering the byline and the `<time datetime>` it
 * takes out, for pages whose meta tags do not give them.
 */
function clearFurniture(document: DomDocument): { byline: string | null; time: string | null } {
  for (const element of Array.from(document.querySelectorAll(NEVER_TEXT))) element.remove();
  let byline: string | null = null;
  let time: string | null = null;
  for (const element of Array.from(document.querySelectorAll('[class], [id], [rel="author"], time'))) {
    const names = classAndId(element);
    if (AD_WORDS.test(names)) {
      element.remove();
      continue;
    }
    const text = collapse(element.textContent ?? '');
    if (element.tagName === 'TIME' || DATE_WORDS.test(names)) {
      if (text.length > BYLINE_MAX_CHARS) continue;
      time ??= element.getAttribute('datetime') ?? text;
      element.remove();
      continue;
    }
    if ((BYLINE_WORDS.test(names) || element.getAttribute('rel') === 'author') && text.length <= BYLINE_MAX_CHARS) {
      byline ??= text.replace(/^(?:by|bởi|theo)\s+/iu, '') || null;
      element.remove();
    }
  }
  return { byline, time };
}

/** The article's blocks as paragraphs: text outside a nested block is one paragraph, `<br>` breaks one. */
function paragraphsOf(root: DomNode): string[] {
  const out: string[] = [];
  let inline = '';
  const flush = (): void => {
    const text = collapse(inline);
    if (text !== '') out.push(text);
    inline = '';
  };
  const walk = (node: DomNode): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) inline += child.textContent ?? '';
      else if (child.nodeType !== ELEMENT_NODE) continue;
      else if (SKIPPED_BLOCKS.has(child.nodeName)) continue;
      else if (child.nodeName === 'BR') flush();
      else if (BLOCKS.has(child.nodeName)) {
        flush();
        walk(child);
        flush();
      } else walk(child);
    }
  };
  walk(root);
  flush();
  return out;
}

const sameText = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The paragraphs of an HTML fragment (a feed entry's content), without what is never text. */
export function paragraphsFromHtml(html: string): string[] {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`) as unknown as { document: DomDocument & { body: DomNode } };
  clearFurniture(document);
  return paragraphsOf(document.body);
}

export function articleFromHtml(html: string, pageUrl: string | null): PageArticle {
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  const found = clearFurniture(document);
  const parsed = new Readability(document as never).parse();
  const title = collapse(parsed?.title ?? '');
  const byline = collapse(parsed?.byline ?? '') || found.byline;
  const content = parsed?.content ?? '';
  const body = (parseHTML(`<!DOCTYPE html><html><body>${content}</body></html>`) as unknown as { document: { body: DomNode } }).document.body;
  const paragraphs = paragraphsOf(body).filter((p) => !sameText(p, title) && (byline === null || !sameText(p, byline)));
  return {
    title,
    byline,
    date: isoDay(parsed?.publishedTime) ?? isoDay(found.time),
    source: collapse(parsed?.siteName ?? '') || hostName(pageUrl),
    paragraphs,
  };
}
