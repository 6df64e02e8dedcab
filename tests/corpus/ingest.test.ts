import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkArticle, chunkCorpus } from '../../src/corpus/chunk.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { inferDatelineYears, parseArticle } from '../../src/corpus/parse.js';
import type { Article } from '../../src/corpus/types.js';

const CORPUS = path.resolve(import.meta.dirname, '../../corpus');
let articles: Article[];
const byPrefix = (p: string): Article => {
  const a = articles.find((x) => x.docId.startsWith(p));
  if (a === undefined) throw new Error(`no article ${p}`);
  return a;
};

let tmp: string;
beforeAll(async () => {
  ({ articles } = await loadCorpus(CORPUS));
  tmp = await mkdtemp(path.join(os.tmpdir(), 'briefbot-corpus-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('the demo corpus', () => {
  it('reads all five articles, docIds from file names', () => {
    expect(articles.map((a) => a.docId.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
  });

  it('takes the title from the first line, or derives it from the lead after a dateline', () => {
    expect(byPrefix('000').title).toBe("Nga nói 'không còn hiểu lầm' với Mỹ về Ukraine");
    expect(byPrefix('001').title).toBe('Điện Kremlin: Đàm phán Nga - Mỹ về Ukraine chưa tạo đột phá');
    expect(byPrefix('003').title).toBe('Ngoại trưởng Sergey Lavrov: Nga sẵn sàng đối thoại với Mỹ, nhưng không nhượng bộ về Ukraine');
    for (const p of ['002', '004']) {
      const { title } = byPrefix(p);
      expect(title).not.toMatch(/date|Ảnh/u);
      expect(byPrefix(p).sentences[0]?.text.startsWith(title.replace(/…$/u, ''))).toBe(true);
    }
  });

  it('reads publication dates from datelines only', () => {
    expect(articles.map((a) => a.date)).toEqual([null, null, '2025-12-04', null, '2025-11-09']);
  });

  it('reads sources and authors', () => {
    expect(byPrefix('000')).toMatchObject({ sources: ['Reuters'], author: 'Huyền Lê' });
    expect(byPrefix('001')).toMatchObject({ sources: ['Reuters', 'RT'], author: 'Minh Phương' });
    expect(byPrefix('003')).toMatchObject({ sources: ['Baothanhhoa.vn', 'Reuters'], author: 'Thanh Vân' });
  });

  it('keeps photo captions apart from the body', () => {
    expect(byPrefix('002').captions.map((c) => c.text)).toEqual(['Trợ lý Điện Kremlin Yury Ushakov (Ảnh: TASS).']);
    expect(byPrefix('000').captions[0]?.text).toContain('Ảnh: AFP');
    for (const a of articles) for (const s of a.sentences) expect(s.text).not.toMatch(/Ảnh:/u);
  });

  it("strips 003's furniture: repeated headline, comment prompt, related-news block", () => {
    const a = byPrefix('003');
    const body = chunkArticle(a).map((p) => p.text).join(' ');
    for (const gone of ['Greenland', 'Nhật Bản', 'Venezuela', 'Bình luận', 'Xin vui lòng', 'Tin cùng chuyên mục', 'Chứng nhận tín nhiệm']) expect(body).not.toContain(gone);
    expect(body).not.toContain(a.title);
    expect(a.sentences.filter((s) => s.text.startsWith('Ngoại trưởng Nga Sergey Lavrov cho biết ông sẵn sàng'))).toHaveLength(1);
    expect(a.sentences[0]?.text.startsWith('(Baothanhhoa.vn)')).toBe(false);
  });

  it('splits Vietnamese sentences without breaking quotes, numbers or domains', () => {
    const ushakov = byPrefix('002').sentences.find((s) => s.text.includes('Đây là một trong những vấn đề then chốt'));
    expect(ushakov?.text).toMatch(/^Khi được hỏi .* ông Ushakov nói: “Đây là .* chi tiết”\.$/u);
    const all = articles.flatMap((a) => a.sentences.map((s) => s.text));
    expect(all.some((s) => s.includes('ngày 2/12, Tổng thống Putin'))).toBe(true);
    expect(all.some((s) => s.endsWith('Baothanhhoa.') || s === 'vn')).toBe(false);
  });

  it('gives exact offsets for every sentence, caption and passage', () => {
    for (const a of articles) {
      for (const s of [...a.sentences, ...a.captions]) expect(a.raw.slice(s.start, s.end)).toBe(s.text);
      for (const p of chunkArticle(a)) {
        expect(p.start).toBe(p.sentences[0]?.start);
        expect(p.end).toBe(p.sentences.at(-1)?.end);
      }
    }
  });

  it('chunks into passages of a few sentences with stable ids', () => {
    const first = chunkCorpus(articles);
    expect(first.every((p) => p.sentences.length >= 1 && p.sentences.length <= 4)).toBe(true);
    expect(new Set(first.map((p) => p.id)).size).toBe(first.length);
    expect(chunkCorpus(articles).map((p) => p.id)).toEqual(first.map((p) => p.id));
  });
});

describe('sentence splitting on its own', () => {
  const split = (text: string) => parseArticle({ docId: 'x', file: 'x.txt', text: `Title\n\n${text}`, contentHash: 'h' }).sentences.map((s) => s.text);

  it.each([
    ['Nga có 5.700 binh sĩ. Họ rút đi.', ['Nga có 5.700 binh sĩ.', 'Họ rút đi.']],
    ['Tỷ lệ là 3,5%. Sau đó tăng.', ['Tỷ lệ là 3,5%.', 'Sau đó tăng.']],
    ['Ông J. Kushner đến. Rồi đi.', ['Ông J. Kushner đến.', 'Rồi đi.']],
    ['It opened on Sept. 15, the same day. Then it closed.', ['It opened on Sept. 15, the same day.', 'Then it closed.']],
    ['Updates start Oct. 6. Owners can wait.', ['Updates start Oct. 6.', 'Owners can wait.']],
    ['Prices rose in Dec. The year ended.', ['Prices rose in Dec.', 'The year ended.']],
    ['Dr. Smith left. He came back.', ['Dr. Smith left.', 'He came back.']],
    ['Ông nói: “Tôi đến. Tôi đi”. Sau đó im lặng.', ['Ông nói: “Tôi đến. Tôi đi”.', 'Sau đó im lặng.']],
    ['Họ gặp ngày 15/8/2025 tại Alaska. Xong.', ['Họ gặp ngày 15/8/2025 tại Alaska.', 'Xong.']],
  ])('splits "%s" correctly', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('GIVEN zero-width characters pasted inside words THEN the sentences read without them', () => {
    expect(split('Ngu\u200Byên tắc đã rõ.\u200B Sau\u00AD đó họ đi.')).toEqual(['Nguyên tắc đã rõ.', 'Sau đó họ đi.']);
  });
});

describe('loading other corpora', () => {
  it('GIVEN YAML front matter THEN it overrides what is derived', async () => {
    const dir = path.join(tmp, 'front');
    await mkdir(dir);
    await writeFile(path.join(dir, 'a.md'), '---\ntitle: Given title\nsource: [AP, AFP]\ndate: 2024-05-06\nurl: https://example.org/a\n---\nFirst line title\n\nBody sentence one. Body sentence two.\n');
    const [a] = (await loadCorpus(dir)).articles;
    expect(a).toMatchObject({ title: 'Given title', sources: ['AP', 'AFP'], date: '2024-05-06', dateSource: 'front-matter', url: 'https://example.org/a' });
    expect(a?.sentences.map((s) => s.text)).toEqual(['Body sentence one.', 'Body sentence two.']);
  });

  it('GIVEN front matter that is not valid YAML (a headline with a colon) THEN each key: value line is still read, with a warning', async () => {
    const dir = path.join(tmp, 'colon');
    await mkdir(dir);
    await writeFile(path.join(dir, 'a.txt'), "---\ntitle: Inside the recall: a software handoff that can lag\nsource: Autobeat\ndate: 2025-09-19\n---\nInside the recall\n\nThe recall covers 212,400 cars. Owners will get a letter.\n");
    const { articles: [a], warnings } = await loadCorpus(dir);
    expect(a).toMatchObject({ title: 'Inside the recall: a software handoff that can lag', sources: ['Autobeat'], date: '2025-09-19', dateSource: 'front-matter' });
    expect(warnings).toEqual([expect.objectContaining({ file: 'a.txt', code: 'FRONT_MATTER', message: expect.stringContaining('line by line') })]);
  });

  it('GIVEN a lead opening with "(Outlet Name) - ", after a dateline or not, THEN the outlet is a source and not part of the first sentence', async () => {
    const dir = path.join(tmp, 'outlet');
    await mkdir(dir);
    await writeFile(path.join(dir, 'en.txt'), 'Shares slide after recall\n\n(The Daily Ledger) - Shares of Corvane Motors fell 6.2% on Monday. Analysts were surprised.\n');
    await writeFile(path.join(dir, 'vi.txt'), 'Hội nghị bế mạc\n\n(Nhịp Sống Miền Trung) - Hội nghị bế mạc chiều 17/10. Doanh nghiệp ký 14 biên bản ghi nhớ.\n');
    await writeFile(path.join(dir, 'aside.txt'), 'An aside\n\n(Photo: file) - not an outlet. A second sentence here.\n');
    await writeFile(path.join(dir, 'dateline.txt'), 'Airlines merge\n\nPORT HALDEN (Harbor Wire) - Coastline Air agreed to merge on Monday. Shares rose.\n');
    await writeFile(path.join(dir, 'wire.txt'), 'Talks end\n\nMOSCOW, Dec 3 (Reuters) - The Kremlin said no compromise was reached. Talks go on.\n');
    await writeFile(path.join(dir, 'vi-dateline.txt'), 'Khai trương\n\nHÀ NỘI (TTXVN) - Tuyến metro khai trương sáng 11/10. Khách đông.\n');
    await writeFile(path.join(dir, 'shout.txt'), 'Shouting\n\nNATO members met on Monday (in Brussels) - a long meeting. It ended late.\n');
    const { articles: all } = await loadCorpus(dir);
    const get = (id: string): Article => all.find((x) => x.docId === id)!;
    expect(get('en')).toMatchObject({ sources: ['The Daily Ledger'] });
    expect(get('en').sentences[0]?.text).toBe('Shares of Corvane Motors fell 6.2% on Monday.');
    expect(get('vi')).toMatchObject({ sources: ['Nhịp Sống Miền Trung'] });
    expect(get('vi').sentences[0]?.text).toBe('Hội nghị bế mạc chiều 17/10.');
    expect(get('aside').sources).toEqual([]);
    expect(get('dateline')).toMatchObject({ sources: ['Harbor Wire'] });
    expect(get('dateline').sentences[0]?.text).toBe('Coastline Air agreed to merge on Monday.');
    expect(get('wire')).toMatchObject({ sources: ['Reuters'] });
    expect(get('wire').sentences[0]?.text).toBe('The Kremlin said no compromise was reached.');
    expect(get('vi-dateline')).toMatchObject({ sources: ['TTXVN'] });
    expect(get('vi-dateline').sentences[0]?.text).toBe('Tuyến metro khai trương sáng 11/10.');
    expect(get('shout').sources).toEqual([]);
  });

  it('GIVEN "Photo: …", "Ảnh: …", "Related: …" and "Xem thêm: …" lines inside the body THEN none of them is a sentence; photo lines are captions', async () => {
    const dir = path.join(tmp, 'inline-furniture');
    await mkdir(dir);
    await writeFile(path.join(dir, 'en.txt'), 'Airlines merge\n\nCoastline Air agreed to merge on Monday.\n\nPhoto: A Coastline Air turboprop at Port Halden. Ledger photo / Ana Whitlow\n\nRelated: Port Halden airport plans new terminal wing by 2028\n\nShares rose 27% on the news.\n');
    await writeFile(path.join(dir, 'vi.txt'), 'Metro khai trương\n\nTuyến metro số 1 vận hành từ sáng 11/10.\n\nẢnh: Hành khách xếp hàng lên tàu tại ga Bến Sông.\n\nXem thêm: Metro số 1 Vĩnh Hà: Những con số ấn tượng\n\nNgày đầu tuyến phục vụ hơn 68.000 lượt khách.\n');
    const { articles: all } = await loadCorpus(dir);
    const get = (id: string): Article => all.find((x) => x.docId === id)!;
    expect(get('en').sentences.map((s) => s.text)).toEqual(['Coastline Air agreed to merge on Monday.', 'Shares rose 27% on the news.']);
    expect(get('en').captions.map((c) => c.text)).toEqual(['Photo: A Coastline Air turboprop at Port Halden. Ledger photo / Ana Whitlow']);
    expect(get('vi').sentences.map((s) => s.text)).toEqual(['Tuyến metro số 1 vận hành từ sáng 11/10.', 'Ngày đầu tuyến phục vụ hơn 68.000 lượt khách.']);
    expect(get('vi').captions.map((c) => c.text)).toEqual(['Ảnh: Hành khách xếp hàng lên tàu tại ga Bến Sông.']);
  });

  it('GIVEN a Wikipedia-style folder THEN titles from first lines, no dates or sources', async () => {
    const { articles: wiki } = await loadCorpus(path.resolve(import.meta.dirname, '../fixtures/wiki'));
    expect(wiki.length).toBeGreaterThanOrEqual(3);
    for (const a of wiki) {
      expect(a.title.length).toBeGreaterThan(0);
      expect(a.date).toBeNull();
      expect(a.sentences.length).toBeGreaterThan(2);
    }
  });

  it('skips non-UTF-8, binary and empty files with warnings naming them, normalises to NFC', async () => {
    const dir = path.join(tmp, 'mixed');
    await mkdir(dir);
    await writeFile(path.join(dir, 'good.txt'), 'Tie\u0302u \u0111e\u0300\n\nLa\u0303nh tho\u0302\u0309 la\u0300 va\u0302\u0301n \u0111e\u0302\u0300 chi\u0301nh.\r\n');
    await writeFile(path.join(dir, 'latin1.txt'), Buffer.from('Titre\n\nCaf\xe9.', 'latin1'));
    await writeFile(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    await writeFile(path.join(dir, 'blank.md'), '  \n\n ');
    await writeFile(path.join(dir, 'notes.pdf'), 'ignored: not an article extension');
    const { articles: loaded, warnings } = await loadCorpus(dir);
    expect(loaded.map((a) => a.docId)).toEqual(['good']);
    expect(loaded[0]?.sentences[0]?.text).toBe('Lãnh thổ là vấn đề chính.'.normalize('NFC'));
    expect(loaded[0]?.sentences[0]?.text).toBe(loaded[0]?.sentences[0]?.text.normalize('NFC'));
    expect(warnings.map((w) => [w.file, w.code])).toEqual([['blank.md', 'EMPTY'], ['image.txt', 'BINARY'], ['latin1.txt', 'NOT_UTF8']]);
  });

  it('says which folder is missing, and that an empty folder has no article', async () => {
    await expect(loadCorpus(path.join(tmp, 'nope'))).rejects.toMatchObject({ code: 'CORPUS_MISSING' });
    const empty = path.join(tmp, 'empty');
    await mkdir(empty);
    await expect(loadCorpus(empty)).rejects.toMatchObject({ code: 'CORPUS_EMPTY' });
  });
});

describe('news files as real outlets write them', () => {
  const parse = (file: string, text: string) => parseArticle({ docId: 'a', file, text, contentHash: 'h' });

  it('GIVEN front matter and one paragraph THEN the paragraph is the article, titled from the front matter', () => {
    const a = parse('strike.txt', '---\ntitle: Rail workers walk out\ndate: 2026-01-21\nsource: Midland Courier\n---\nRail workers began a 48-hour strike on Wednesday after talks broke down.\n');
    expect(a).toMatchObject({ title: 'Rail workers walk out', date: '2026-01-21', sources: ['Midland Courier'] });
    expect(a.sentences.map((s) => s.text)).toEqual(['Rail workers began a 48-hour strike on Wednesday after talks broke down.']);
  });

  it('GIVEN a wire dateline with its year THEN it dates the article, names the source, and leaves the text', () => {
    const a = parse('cod.txt', 'Cod quota cut\n\nTROMSØ, Norway, March 3, 2026 (Northwind Wire) - Norway and Iceland agreed on Tuesday to cut the cod catch.\n');
    expect(a).toMatchObject({ date: '2026-03-03', dateSource: 'dateline', sources: ['Northwind Wire'] });
    expect(a.sentences[0]?.text).toBe('Norway and Iceland agreed on Tuesday to cut the cod catch.');
  });

  it('GIVEN a wire dateline without a year THEN the year comes from the corpus, marked inferred', () => {
    const undated = parse('herders.txt', 'Herders sell cattle\n\nNAIROBI, Feb 12 (Harbor Wire) - Herders are selling cattle at half last year\'s prices.\n');
    expect(undated).toMatchObject({ date: null, sources: ['Harbor Wire'] });
    expect(undated.sentences[0]?.text).toBe("Herders are selling cattle at half last year's prices.");
    const dated = parse('other.txt', '---\ndate: 2026-03-20\n---\nAnother story. It is dated.\n');
    const [herders] = inferDatelineYears([undated, dated]);
    expect(herders).toMatchObject({ date: '2026-02-12', dateSource: 'dateline-inferred' });
  });

  it('GIVEN a dateline of a place and an outlet only, in Vietnamese THEN the outlet is the source and the text stays clean', () => {
    const a = parse('metro.txt', 'Metro chậm tiến độ\n\nHÀ NỘI, 5/6 (TTXVN) - Tuyến metro số 2 sẽ chỉ hoàn thành vào năm 2030.\n');
    expect(a.sources).toEqual(['TTXVN']);
    expect(a.sentences[0]?.text).toBe('Tuyến metro số 2 sẽ chỉ hoàn thành vào năm 2030.');
  });

  it('GIVEN a "By Name" line under the title THEN it is the author, not body text', () => {
    const a = parse('recount.txt', 'Recount confirms Marlow\n\nBy Jenna Whitcombe, city reporter\n\nThe recount confirmed on Monday that Thomas Marlow won by 41 votes.\n');
    expect(a.author).toBe('Jenna Whitcombe');
    expect(a.sentences.map((s) => s.text)).toEqual(['The recount confirmed on Monday that Thomas Marlow won by 41 votes.']);
  });

  it('GIVEN a Markdown file THEN headings, emphasis and links read as their words', () => {
    const a = parse('museum.md', '# The museum reopens\n\n*By Sofia Brandt, culture correspondent*\n\nThe **Lindholm Museum** reopened on Saturday. Read the [museum\'s account](https://example.org/a).\n\n## What next\n\n- A children\'s wing opens in *June*.\n');
    expect(a).toMatchObject({ title: 'The museum reopens', author: 'Sofia Brandt' });
    expect(a.sentences.map((s) => s.text)).toEqual(['The Lindholm Museum reopened on Saturday.', "Read the museum's account.", 'What next', "A children's wing opens in June."]);
  });

  it('GIVEN a news file with front matter, a wire dateline and a byline THEN every paragraph is kept and it has its date, source and author', () => {
    const text = '---\ntitle: Solar farm starts\n---\nBy Omar Haddad\n\nAMMAN, Jordan, April 14, 2026 (Harbor Wire) - Jordan\'s largest solar farm began supplying the grid on Tuesday.\n\nThe $900 million plant covers 1,100 hectares.\n\n"Solar will supply 40 percent by 2030," the minister said.\n';
    const a = parse('solar.txt', text);
    expect(a).toMatchObject({ title: 'Solar farm starts', date: '2026-04-14', dateSource: 'dateline', sources: ['Harbor Wire'], author: 'Omar Haddad' });
    expect(a.sentences.map((s) => s.text)).toEqual([
      "Jordan's largest solar farm began supplying the grid on Tuesday.",
      'The $900 million plant covers 1,100 hectares.',
      '"Solar will supply 40 percent by 2030," the minister said.',
    ]);
    for (const s of a.sentences) expect(a.raw.slice(s.start, s.end)).toBe(s.text);
  });
});
