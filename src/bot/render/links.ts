/**
 * Links to the articles: a title becomes a masked link `[title](url)` to the `url` its front
 * matter gives. The bot makes every link itself, to http(s) addresses only, so that article
 * text can never smuggle one in (it is escaped like any text).
 */
import type { ArticleMeta } from '../../corpus/types.js';
import { safeFit } from './limits.js';

/** Longer addresses are not linked: they would crowd out the text in Discord's field limits. */
export const LINK_URL_MAX_CHARS = 512;

/** docId → the address its title links to. */
export type ArticleLinks = ReadonlyMap<string, string>;

/** The address as it may go between the parentheses of a masked link, or null when it is not a plain http(s) one. */
export function linkTarget(url: string | null): string | null {
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.username !== '' || parsed.password !== '') return null;
  const href = parsed.href.replace(/[()<>[\]\s]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return href.length > LINK_URL_MAX_CHARS ? null : href;
}

/** The links of the articles that have a usable `url`. */
export function articleLinks(articles: readonly Pick<ArticleMeta, 'docId' | 'url'>[]): ArticleLinks {
  const links = new Map<string, string>();
  for (const a of articles) {
    const target = linkTarget(a.url);
    if (target !== null) links.set(a.docId, target);
  }
  return links;
}

/** An article's title, escaped and cut to `maxChars` (link markup included), linked when it has an address. */
export function linkedTitle(title: string, docId: string, links: ArticleLinks, maxChars: number): string {
  const target = links.get(docId);
  if (target === undefined || maxChars < target.length + 8) return safeFit(title, maxChars);
  // safeText escapes the title's own brackets, so it cannot close the label early.
  const label = safeFit(title, maxChars - target.length - 4);
  return `[${label}](${target})`;
}
