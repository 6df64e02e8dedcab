/**
 * Mistakes the messages catalogue must refuse at compile time. `npm test` runs `tsc` over this
 * file: each `@ts-expect-error` fails the build if the line under it ever compiles, that is if
 * the catalogue stopped catching that mistake. Nothing here runs.
 */
import { template, withCommands, words } from '../../src/messages/define.js';
import { messageText, text } from '../../src/messages/index.js';
import { ERROR_CODES, UserError } from '../../src/errors.js';

export function mistakesTheCompilerRefuses(): void {
  // @ts-expect-error a message must have a text for every language
  template({ n: 'number' }, { en: (p) => `${p.n}` });
  // @ts-expect-error a text may only use the parameters its message declares
  template({ n: 'number' }, { en: (p) => `${p.n}`, vi: (p) => `${p.m}` });
  // @ts-expect-error a fixed message needs every language too
  words({ en: 'only English' });
  // @ts-expect-error a message with parameters needs them
  text('en', 'sourcesTitle');
  // @ts-expect-error a parameter of the wrong type
  text('en', 'sourcesTitle', { n: 'five' });
  // @ts-expect-error a parameter the message does not have
  text('en', 'sourcesTitle', { n: 5, extra: 1 });
  // @ts-expect-error a parameter missing
  text('en', 'sourcesMore', { n: 5 });
  // @ts-expect-error a message without parameters takes none
  text('en', 'helpful', { n: 1 });
  // @ts-expect-error a key that is not in the catalogue
  text('en', 'noSuchMessage');
  // @ts-expect-error a message that names a command is written for a reader, whose surface names it, not for a bare language
  text('vi', 'feedListEmpty');
  // @ts-expect-error a message held as data may name a command: it too needs a reader
  messageText('en', { key: 'helpful', params: {} });
  // @ts-expect-error a text may only point to the commands the catalogue knows
  withCommands({}, { en: (_p, command) => command('nosuch'), vi: (_p, command) => command('ask') });
  // @ts-expect-error a text that names commands needs the reader's namer: a plain template has none
  template({}, { en: (_p, command) => command('ask'), vi: () => 'hỏi' });
  // @ts-expect-error a user error's parameters are its message's
  new UserError(ERROR_CODES.BAD_OPTION, 'optionTooLong', { name: 'topic', reason: 'too long' });
  // @ts-expect-error a user error names a message, not free prose
  new UserError(ERROR_CODES.BAD_OPTION, 'The option is not valid');
}
