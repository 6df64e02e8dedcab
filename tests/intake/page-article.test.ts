import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeMarkup, isoDay } from '../../src/intake/markup.js';
import { articleFromHtml } from '../../src/intake/page-article.js';

const fixture = (name: string): Buffer => readFileSync(path.join(import.meta.dirname, '../fixtures/intake', name));
const page = (name: string, url: string | null = 'https://www.news.example/a') => articleFromHtml(decodeMarkup(fixture(name), null), url);
const allText = (article: ReturnType<typeof page>): string => article.paragraphs.join('\n');

describe('a web page reduced to its article', () => {
  it('GIVEN an English news page with navigation, ads, related links, comments and a footer THEN only the story is kept, with its metadata', () => {
    const article = page('news-page.en.html');
    expect(article).toMatchObject({ title: 'Port Velsa opens its first desalination plant', byline: 'Mira Castell', date: '2025-11-20', source: 'The Coastal Ledger' });
    expect(article.paragraphs).toHaveLength(8);
    expect(article.paragraphs[0]).toMatch(/^Port Velsa opened its first desalination plant on Thursday/);
    expect(allText(article)).toContain('42,000 cubic metres');
    for (const furniture of ['Subscribe to our newsletter', 'Zephyr', 'Drought hits northern farms', 'Most read', 'Velsa United', 'cookies', 'All rights reserved', 'Sign in to join', 'Share on', 'Photo: Coastal Ledger', 'By Mira Castell']) {
      expect(allText(article)).not.toContain(furniture);
    }
  });

  it('GIVEN a Vietnamese news page THEN the byline and date lines and the "Tin liên quan" block are not body text', () => {
    const article = page('news-page.vi.html');
    expect(article).toMatchObject({ title: 'Đà Lạt mở thư viện số đầu tiên cho học sinh vùng cao', byline: 'Hoàng Minh Thư', date: '2025-12-05', source: 'Báo Cao Nguyên' });
    expect(allText(article)).toContain('14,5 tỷ đồng');
    for (const furniture of ['Quảng cáo', 'Trang chủ', 'Tin liên quan', 'tuyển sinh lớp 10', 'Đọc nhiều', 'Thứ Sáu, 5/12/2025', 'Giấy phép']) {
      expect(allText(article)).not.toContain(furniture);
    }
  });

  it('GIVEN an old table layout in windows-1252 with JSON-LD metadata and <br>-separated text THEN it is decoded and split into its paragraphs', () => {
    const article = page('news-page.jsonld.html', 'https://northbank.example/sport/rowing');
    expect(article).toMatchObject({ title: 'Rowing club wins river race for fifth year', byline: 'Tom Oyelaran', date: '2025-10-04', source: 'Northbank Weekly' });
    expect(article.paragraphs).toHaveLength(4);
    expect(allText(article)).toContain('The Café Marée on the quay');
    for (const furniture of ['Garden sheds', 'You may also like', 'Cricket final', 'Archive', 'Copyright']) expect(allText(article)).not.toContain(furniture);
  });

  it('GIVEN a sign-in page THEN no paragraph is found', () => {
    expect(page('no-article.html').paragraphs).toEqual([]);
  });

  it('GIVEN a page without a site name THEN the source is the host name without www', () => {
    const html = '<html><head><title>Harbour news</title></head><body><article><p>The harbour master said the new pier would open in May, two months later than planned, because of winter storms that damaged the pilings.</p><p>Fishing boats will keep using the old pier until then, he added.</p></article></body></html>';
    expect(articleFromHtml(html, 'https://www.harbour.example/news/1').source).toBe('harbour.example');
    expect(articleFromHtml(html, null).source).toBeNull();
  });

  it('GIVEN a page whose scripts would write text THEN the scripts do not run and their text is not kept', () => {
    const html = '<html><body><article><p>The council approved the budget for the coming year after a long debate about road repairs and school buses.</p><script>document.body.innerHTML = "<p>INJECTED</p>"; globalThis.__ran = true;</script><p>The vote was 21 to 9.</p></article></body></html>';
    const article = articleFromHtml(html, null);
    expect(allText(article)).not.toContain('INJECTED');
    expect(allText(article)).not.toContain('innerHTML');
    expect((globalThis as { __ran?: boolean }).__ran).toBeUndefined();
  });
});

describe('decoding and dates', () => {
  it('GIVEN a charset from the server THEN it wins over the page, and an unknown label falls back to UTF-8', () => {
    const latin1 = Buffer.from('<meta charset="utf-8"><p>caf\u00e9</p>', 'latin1');
    expect(decodeMarkup(latin1, 'iso-8859-1')).toContain('café');
    expect(decodeMarkup(Buffer.from('<p>phở</p>'), 'no-such-charset')).toContain('phở');
  });

  it('GIVEN a publication time with an offset THEN the day is the one the page states', () => {
    expect(isoDay('2025-12-05T02:00:00+07:00')).toBe('2025-12-05');
    expect(isoDay('Thu, 20 Nov 2025 08:30:00 GMT')).toBe('2025-11-20');
    expect(isoDay('Fri, 5 Dec 2025 23:30:00 -0500')).toBe('2025-12-05');
    expect(isoDay('05 Dec 25 00:30 +0700')).toBe('2025-12-05');
    expect(isoDay('Wed, 31 Dec 1997 23:59:00 EST')).toBe('1997-12-31');
    expect(isoDay('2025-02-30T10:00:00Z')).toBeNull();
    expect(isoDay('not a date')).toBeNull();
    expect(isoDay(null)).toBeNull();
  });
});
