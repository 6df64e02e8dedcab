import { describe, expect, it } from 'vitest';
import { CommandIds, discordReader } from '../../src/bot/command-mentions.js';
import { renderStarting } from '../../src/bot/render/quiz.js';
import { shortfallNotice } from '../../src/quiz/kind-names.js';

describe('the notice that the material is thin', () => {
  it('GIVEN fewer questions than asked and a kind with nothing to ask from THEN both are said plainly, in the reader\'s language', () => {
    expect(shortfallNotice('en', 3, { asked: 10, kinds: ['who_said'] })).toEqual([
      'The material is thin: 3 of the 10 questions asked could be made.',
      expect.stringMatching(/^The material is thin: .*who said/u),
    ]);
    const vi = shortfallNotice('vi', 10, { asked: 10, kinds: ['who_said', 'which_first'] });
    expect(vi).toHaveLength(1);
    expect(vi[0]).toMatch(/^Tư liệu còn mỏng/u);
  });

  it('GIVEN fewer questions because recent games showed the rest THEN the notice says the material is used up, not thin; GIVEN a game that starts over THEN it says so', () => {
    expect(shortfallNotice('en', 4, { asked: 10, kinds: [], usedUp: true })).toEqual([expect.stringMatching(/used up .*4 of the 10 .*Add articles/u)]);
    expect(shortfallNotice('vi', 4, { asked: 10, kinds: [], usedUp: true })[0]).toMatch(/dùng hết/u);
    expect(shortfallNotice('en', 10, { asked: 10, kinds: [], startedOver: true })).toEqual([expect.stringMatching(/asked everything .* again/u)]);
  });

  it('GIVEN no shortfall THEN no notice', () => {
    expect(shortfallNotice('en', 10, undefined)).toEqual([]);
  });

  it('GIVEN a quiz starting on Discord THEN the message gives the seed to replay it with, the start command as the reader finds it, and the notice', () => {
    const start = { questions: 3, seconds: 20, speedPoints: true, streaks: true, seed: 'k3x9qa', notices: ['The material is thin: 3 of the 10 questions asked could be made.'] };
    const ids = new CommandIds();
    ids.learn([{ name: 'quiz', id: '42' }]);
    const en = renderStarting(start, discordReader('en', ids)).content;
    expect(en).toContain('</quiz start:42> seed:k3x9qa');
    expect(en).toContain('The material is thin');
    expect(renderStarting(start, discordReader('vi', ids)).content).toContain('/do_vui bat_dau ma_de:k3x9qa');
  });
});
