/**
 * Commands named inside the bot's messages: each one the catalogue can point to is a registered
 * command (or subcommand), named as the reader's Discord client shows it, or as a clickable
 * mention for an English reader once its id is known.
 */
import { describe, expect, it } from 'vitest';
import { CommandIds, discordReader } from '../../src/bot/command-mentions.js';
import { localisedName } from '../../src/bot/localise.js';
import { renderAddedList, renderArticleAdded, renderFeedList } from '../../src/bot/render/intake.js';
import { COMMANDS } from '../../src/commands/index.js';
import { COMMAND_WORDS } from '../../src/messages/commands.js';
import { COMMAND_REFS, LOCALES, commandPath, type CommandRef } from '../../src/messages/index.js';

const refs = Object.keys(COMMAND_REFS) as CommandRef[];

interface Registered {
  name: string;
  name_localizations?: Record<string, string | null> | null;
  type?: number;
  options?: Registered[];
}

const SUB_COMMAND = 1;

describe('commands named in messages', () => {
  it.each(refs)('GIVEN the reference %s THEN it is a registered command path, and each language names it as that language\'s picker shows it', (ref) => {
    let level = COMMANDS.map((c) => c.data as Registered);
    const shown: Record<string, string[]> = Object.fromEntries(LOCALES.map((l) => [l, []]));
    for (const key of COMMAND_REFS[ref]) {
      const item = level.find((c) => c.name === COMMAND_WORDS[key].name.en);
      expect(item, `${ref}: ${key} is registered at its place`).toBeDefined();
      for (const locale of LOCALES) shown[locale]!.push(localisedName(item!, locale));
      level = (item!.options ?? []).filter((o) => o.type === SUB_COMMAND);
    }
    for (const locale of LOCALES) expect(commandPath(ref, locale)).toBe(`/${shown[locale]!.join(' ')}`);
  });

  it('GIVEN the ids Discord gave the commands THEN an English reader gets clickable mentions, a Vietnamese reader the names their client shows', () => {
    const ids = new CommandIds();
    expect(discordReader('en', ids).command('feedList')).toBe('/feed list');
    ids.learn([{ name: 'feed', id: '123456789012345678' }, { name: 'sources', id: '223456789012345678' }]);
    expect(discordReader('en', ids).command('feedList')).toBe('</feed list:123456789012345678>');
    expect(discordReader('en', ids).command('sources')).toBe('</sources:223456789012345678>');
    expect(discordReader('en', ids).command('ask')).toBe('/ask');
    expect(discordReader('vi', ids).command('feedList')).toBe('/nguon_tin danh_sach');
    expect(discordReader('vi', ids).command('sources')).toBe('/nguon');
  });

  it('GIVEN the commands registered in two servers THEN an English reader gets the mention of their own server\'s command, and the global one where their server has none', () => {
    const ids = new CommandIds();
    ids.learn([{ name: 'sources', id: '100000000000000011' }], '100000000000000001');
    ids.learn([{ name: 'sources', id: '100000000000000022' }], '100000000000000002');
    expect(discordReader('en', ids, '100000000000000002').command('sources')).toBe('</sources:100000000000000022>');
    expect(discordReader('en', ids, '100000000000000001').command('sources')).toBe('</sources:100000000000000011>');
    expect(discordReader('en', ids, '100000000000000003').command('sources')).toBe('/sources');
    ids.learn([{ name: 'sources', id: '100000000000000033' }, { name: 'feed', id: '100000000000000044' }]);
    expect(discordReader('en', ids, '100000000000000003').command('sources')).toBe('</sources:100000000000000033>');
    expect(discordReader('en', ids, '100000000000000001').command('feedList')).toBe('</feed list:100000000000000044>');
    expect(discordReader('en', ids, null).command('sources')).toBe('</sources:100000000000000033>');
  });

  it('GIVEN a Vietnamese manager THEN the empty lists and an added article point to /bai_bao them, /nguon_tin them, /hoi and /tom_tat', () => {
    const vi = discordReader('vi', new CommandIds());
    expect(renderAddedList([], vi).embeds[0]!.description).toBe('Chưa có bài nào được thêm: /bai_bao them nhận đường dẫn hoặc tệp, /nguon_tin them để theo dõi một nguồn tin.');
    expect(renderFeedList([], vi).embeds[0]!.description).toBe('Máy chủ này chưa theo dõi nguồn tin nào: /nguon_tin them nhận địa chỉ RSS hoặc Atom.');
    const article = { docId: 'added/2025-11-20-ferry-1a2b3c4d', file: 'added/x.txt', title: 'Phà *Marenza*', date: '2025-11-20', dateSource: null, sources: ['Tin Cảng'], author: null, url: null, contentHash: 'h' };
    const added = renderArticleAdded({ article } as Parameters<typeof renderArticleAdded>[0], 6, vi).embeds[0]!.description!;
    expect(added).toBe('Đã thêm “Phà \\*Marenza\\*” (added/2025-11-20-ferry-1a2b3c4d) · Tin Cảng · 2025-11-20. Bản tin hiện có 6 bài; /hoi và /tom_tat dùng được bài này ngay.');
  });
});
