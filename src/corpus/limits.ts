/**
 * Files larger than this are skipped by default (MAX_ARTICLE_MB): about a hundred times a long
 * news article (30–40 KB of text), so no article is lost, while a log, a dump or a book dropped
 * into the folder does not fill the memory and the index.
 */
export const DEFAULT_MAX_ARTICLE_BYTES = 4 * 1024 * 1024;
