/**
 * A Markdown article as plain text: each block (heading, paragraph, list item, quotation) one
 * paragraph, inline markup reduced to its words (`**7 to 2**` → `7 to 2`, `[text](url)` →
 * `text`); images, code blocks, raw HTML and rules are not prose and are left out. Parsed by
 * mdast-util-from-markdown (CommonMark), not by patterns.
 */
import type { Nodes, Parent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

const SKIPPED_BLOCKS = new Set(['code', 'html', 'thematicBreak', 'image', 'definition', 'footnoteDefinition']);
/** Blocks whose own text is a paragraph; the others (lists, quotations) hold blocks. */
const TEXT_BLOCKS = new Set(['heading', 'paragraph', 'tableCell']);

function paragraphsOf(node: Nodes, into: string[]): void {
  if (SKIPPED_BLOCKS.has(node.type)) return;
  if (TEXT_BLOCKS.has(node.type)) {
    const text = toString(node, { includeImageAlt: false }).replace(/\s+/gu, ' ').trim();
    if (text !== '') into.push(text);
    return;
  }
  if ('children' in node) for (const child of (node as Parent).children) paragraphsOf(child as Nodes, into);
}

export function markdownToText(markdown: string): string {
  const paragraphs: string[] = [];
  paragraphsOf(fromMarkdown(markdown), paragraphs);
  return paragraphs.join('\n\n');
}
