/**
 * Every word the bot says, side by side in English and Vietnamese, as a Markdown table: for a
 * reader who checks the Vietnamese (or writes a new language) without reading code.
 * `npx tsx scripts/messages-table.ts > messages.md`. Parameters show as ‹name›, numbers as 3, and
 * a command a message points to as a Discord user of that language finds it (`/nguon`).
 */
import { COMMAND_WORDS } from '../src/messages/commands.js';
import type { CommandNamer, ParamSpec } from '../src/messages/define.js';
import { LOCALES, MESSAGES, commandPath, type Locale } from '../src/messages/index.js';

type Render = (params: Record<string, string | number>, command: CommandNamer) => string;

function example(spec: ParamSpec): Record<string, string | number> {
  return Object.fromEntries(Object.entries(spec).map(([name, kind]) => [name, kind === 'number' ? 3 : `‹${name}›`]));
}

const cell = (text: string): string => text.replace(/\|/gu, '\\|').replace(/\n/gu, '<br>');

const lines = [`| key | ${LOCALES.join(' | ')} |`, `| --- |${LOCALES.map(() => ' --- |').join('')}`];
for (const [key, def] of Object.entries(MESSAGES)) {
  const params = example(def.params);
  lines.push(`| ${key} | ${LOCALES.map((locale: Locale) => cell((def.texts[locale] as Render)(params, (ref) => commandPath(ref, locale)))).join(' | ')} |`);
}
for (const [key, words] of Object.entries(COMMAND_WORDS)) {
  const params = example(words.description.params);
  lines.push(`| command ${key} | ${LOCALES.map((locale: Locale) => cell(`\`${words.name[locale]}\`: ${(words.description.texts[locale] as Render)(params, (ref) => commandPath(ref, locale))}`)).join(' | ')} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
