import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors.js';
import { readFeed } from '../../src/intake/feed.js';
import { decodeMarkup } from '../../src/intake/markup.js';

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Tin Miền Trung</title>
  <entry>
    <title>Đà Nẵng mở thêm tuyến xe buýt điện</title>
    <link rel="alternate" href="/giao-thong/xe-buyt-dien"/>
    <id>tag:tinmientrung.example,2026:1042</id>
    <updated>2026-03-01T02:00:00+07:00</updated>
    <author><name>Lê Minh</name></author>
    <content type="html">&lt;p&gt;Tuyến số 12 nối sân bay với bãi biển Mỹ Khê.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Không có liên kết</title>
    <updated>2026-03-02T00:00:00Z</updated>
    <summary>Chỉ có tóm tắt.</summary>
  </entry>
</feed>`;

describe('reading a feed', () => {
  it('GIVEN an Atom feed THEN entries come with absolute links, ids as keys, dates, authors and their HTML', () => {
    const feed = readFeed(ATOM, 'https://tinmientrung.example/rss/atom.xml');
    expect(feed.title).toBe('Tin Miền Trung');
    expect(feed.entries[0]).toEqual({
      key: 'tag:tinmientrung.example,2026:1042', title: 'Đà Nẵng mở thêm tuyến xe buýt điện', url: 'https://tinmientrung.example/giao-thong/xe-buyt-dien',
      date: '2026-03-01', author: 'Lê Minh', html: '<p>Tuyến số 12 nối sân bay với bãi biển Mỹ Khê.</p>',
    });
    expect(feed.entries[1]).toMatchObject({ key: 'Không có liên kết 2026-03-02', url: null, html: 'Chỉ có tóm tắt.' });
  });

  it.each([
    ['RSS', 'Fri, 05 Dec 2025 00:30:00 +0700', '<rss version="2.0"><channel><title>Báo Sáng</title><item><title>Tin</title><guid>a1</guid><pubDate>DATE</pubDate></item></channel></rss>'],
    ['RSS with dc:date', '2025-12-05T00:30:00+07:00', '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Báo Sáng</title><item><title>Tin</title><guid>a1</guid><dc:date>DATE</dc:date></item></channel></rss>'],
    ['Atom', '2025-12-05T00:30:00+07:00', '<feed xmlns="http://www.w3.org/2005/Atom"><title>Báo Sáng</title><entry><title>Tin</title><id>a1</id><published>DATE</published></entry></feed>'],
  ])('GIVEN a Vietnamese %s entry published at 00:30 +07:00 THEN its date is the day the feed wrote, not the UTC day before', (_what, written, xml) => {
    const feed = readFeed(`<?xml version="1.0" encoding="utf-8"?>${xml.replace('DATE', written)}`, 'https://baosang.example/rss');
    expect(new Date(written).toISOString().slice(0, 10)).toBe('2025-12-04');
    expect(feed.entries[0]?.date).toBe('2025-12-05');
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body><p>Not a feed</p></body></html>'],
    ['plain text', 'Just some words, no markup at all.'],
    ['JSON', '{"items": []}'],
  ])('GIVEN %s THEN it is refused as not a feed', (_what, text) => {
    expect(() => readFeed(text, 'https://x.example/feed')).toThrow(expect.objectContaining({ code: ERROR_CODES.FEED_INVALID }));
  });

  it('GIVEN a feed in windows-1252 that says so in its XML declaration THEN it is decoded by that', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>Caf\xe9 news</title></channel></rss>', 'latin1');
    expect(readFeed(decodeMarkup(bytes, null), 'https://x.example/feed').title).toBe('Café news');
  });
});
