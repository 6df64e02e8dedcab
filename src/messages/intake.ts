/** Adding articles by link, file and feed: refusals of what is fetched, and what was added. */
import { formatNumber, template, withCommands, words } from './define.js';

export const INTAKE_MESSAGES = {
  urlInvalid: template({ url: 'string' }, {
    en: (p) => `\`${p.url}\` is not a web link I can fetch: only http:// and https:// links, without a user name or password.`,
    vi: (p) => `\`${p.url}\` không phải đường dẫn web tôi có thể tải: chỉ nhận http:// và https://, không kèm tên người dùng hay mật khẩu.`,
  }),
  fetchBlocked: template({ host: 'string', address: 'string', range: 'string' }, {
    en: (p) => `I do not fetch from ${p.host}: it is an internal address (${p.address}, ${p.range}). Only public web addresses are fetched.`,
    vi: (p) => `Tôi không tải từ ${p.host}: đó là địa chỉ nội bộ (${p.address}, ${p.range}). Chỉ tải từ địa chỉ web công khai.`,
  }),
  fetchHttpStatus: template({ url: 'string', status: 'number' }, {
    en: (p) => `I could not fetch ${p.url}: the server answered HTTP ${p.status}${p.status === 404 || p.status === 410 ? ' (the page is gone)' : ''}. Nothing was added.`,
    vi: (p) => `Không tải được ${p.url}: máy chủ trả lời HTTP ${p.status}${p.status === 404 || p.status === 410 ? ' (trang không còn)' : ''}. Chưa thêm gì.`,
  }),
  fetchHostNotFound: template({ url: 'string', host: 'string' }, {
    en: (p) => `I could not fetch ${p.url}: the host ${p.host} was not found. Nothing was added.`,
    vi: (p) => `Không tải được ${p.url}: không tìm thấy máy chủ ${p.host}. Chưa thêm gì.`,
  }),
  fetchConnection: template({ url: 'string', detail: 'string' }, {
    en: (p) => `I could not fetch ${p.url} (${p.detail}). Nothing was added.`,
    vi: (p) => `Không tải được ${p.url} (${p.detail}). Chưa thêm gì.`,
  }),
  fetchTooManyRedirects: template({ url: 'string', max: 'number' }, {
    en: (p) => `I could not fetch ${p.url}: it redirects more than ${p.max} times. Nothing was added.`,
    vi: (p) => `Không tải được ${p.url}: trang chuyển hướng quá ${p.max} lần. Chưa thêm gì.`,
  }),
  fetchEncoding: template({ url: 'string', encoding: 'string' }, {
    en: (p) => `I could not read ${p.url}: it is compressed as ${p.encoding}, which I do not read. Nothing was added.`,
    vi: (p) => `Không đọc được ${p.url}: trang được nén kiểu ${p.encoding}, tôi không đọc được. Chưa thêm gì.`,
  }),
  fetchTimeout: template({ url: 'string', seconds: 'number' }, {
    en: (p) => `${p.url} did not answer within ${formatNumber('en', p.seconds)} s. Nothing was added.`,
    vi: (p) => `${p.url} không phản hồi trong ${formatNumber('vi', p.seconds)} giây. Chưa thêm gì.`,
  }),
  fetchTooLarge: template({ url: 'string', megabytes: 'number' }, {
    en: (p) => `${p.url} is larger than ${formatNumber('en', p.megabytes, 1)} MB, the most I fetch. Nothing was added.`,
    vi: (p) => `${p.url} lớn hơn ${formatNumber('vi', p.megabytes, 1)} MB, mức tối đa tôi tải. Chưa thêm gì.`,
  }),
  fetchBadType: template({ url: 'string', type: 'string', expected: 'string' }, {
    en: (p) => `${p.url} is \`${p.type}\`, not what I read here (${p.expected}). Nothing was added.`,
    vi: (p) => `${p.url} có kiểu \`${p.type}\`, không phải loại tôi đọc được ở đây (${p.expected}). Chưa thêm gì.`,
  }),
  attachmentHost: template({ host: 'string' }, {
    en: (p) => `Files are only taken from Discord attachments, not from ${p.host}.`,
    vi: (p) => `Chỉ nhận tệp đính kèm của Discord, không nhận từ ${p.host}.`,
  }),
  fileTypeUnsupported: template({ name: 'string' }, {
    en: (p) => `\`${p.name}\` is not a .txt, .md or .html file. Nothing was added.`,
    vi: (p) => `\`${p.name}\` không phải tệp .txt, .md hoặc .html. Chưa thêm gì.`,
  }),
  fileTooLarge: template({ name: 'string', megabytes: 'number' }, {
    en: (p) => `\`${p.name}\` is larger than ${formatNumber('en', p.megabytes, 1)} MB, the most an article may be (MAX_ARTICLE_MB). Nothing was added.`,
    vi: (p) => `\`${p.name}\` lớn hơn ${formatNumber('vi', p.megabytes, 1)} MB, mức tối đa của một bài (MAX_ARTICLE_MB). Chưa thêm gì.`,
  }),
  fileUnreadable: template({ name: 'string', detail: 'string' }, {
    en: (p) => `I cannot read \`${p.name}\` (${p.detail}). Nothing was added.`,
    vi: (p) => `Không đọc được \`${p.name}\` (${p.detail}). Chưa thêm gì.`,
  }),
  fileNotText: template({ name: 'string' }, {
    en: (p) => `\`${p.name}\` is not UTF-8 text (it is binary or in another encoding). Nothing was added.`,
    vi: (p) => `\`${p.name}\` không phải văn bản UTF-8 (tệp nhị phân hoặc mã hóa khác). Chưa thêm gì.`,
  }),
  pageTooSlow: template({ where: 'string', seconds: 'number' }, {
    en: (p) => `Reading ${p.where} took longer than ${formatNumber('en', p.seconds)} s, so I stopped. Nothing was added.`,
    vi: (p) => `Đọc ${p.where} mất quá ${formatNumber('vi', p.seconds)} giây nên tôi đã dừng. Chưa thêm gì.`,
  }),
  noArticleText: template({ where: 'string' }, {
    en: (p) => `I found no article text in ${p.where}. Nothing was added.`,
    vi: (p) => `Không tìm thấy nội dung bài báo trong ${p.where}. Chưa thêm gì.`,
  }),
  articleDuplicate: template({ title: 'string', docId: 'string' }, {
    en: (p) => `That article is already in the briefing: "${p.title}" (${p.docId}). Nothing was added.`,
    vi: (p) => `Bài này đã có trong bản tin: "${p.title}" (${p.docId}). Chưa thêm gì.`,
  }),
  articleNotAdded: template({ docId: 'string' }, {
    en: (p) => `${p.docId} was not added from Discord or the console, so it is not removed here: it is a file of the article folder.`,
    vi: (p) => `${p.docId} không được thêm từ Discord hay console dòng lệnh nên không thể xóa ở đây: đó là một tệp trong thư mục bài báo.`,
  }),
  feedInvalid: template({ url: 'string', detail: 'string' }, {
    en: (p) => `${p.url} is not an RSS or Atom feed (${p.detail}). Nothing was subscribed.`,
    vi: (p) => `${p.url} không phải nguồn tin RSS hay Atom (${p.detail}). Chưa theo dõi nguồn tin nào.`,
  }),
  feedDuplicate: template({ url: 'string' }, {
    en: (p) => `This server already follows ${p.url}.`,
    vi: (p) => `Máy chủ này đã theo dõi ${p.url}.`,
  }),
  feedNotFound: withCommands({ feed: 'string' }, {
    en: (p, command) => `No feed followed on this server matches \`${p.feed}\`; ${command('feedList')} shows them.`,
    vi: (p, command) => `Không có nguồn tin nào đang theo dõi trên máy chủ này khớp với \`${p.feed}\`; dùng ${command('feedList')} để xem danh sách.`,
  }),
  articleAddOneOf: words({
    en: 'Give either a file or a link (url), not both and not neither.',
    vi: 'Hãy gửi một tệp hoặc một đường dẫn (url), chỉ một trong hai thôi.',
  }),
  articleAdded: withCommands({ title: 'string', docId: 'string', about: 'string', articles: 'number' }, {
    en: (p, command) => `Added “${p.title}” (${p.docId}) · ${p.about}. The briefing now has ${p.articles} articles; ${command('ask')} and ${command('summary')} use it at once.`,
    vi: (p, command) => `Đã thêm “${p.title}” (${p.docId}) · ${p.about}. Bản tin hiện có ${p.articles} bài; ${command('ask')} và ${command('summary')} dùng được bài này ngay.`,
  }),
  articleRemoved: template({ title: 'string', docId: 'string', articles: 'number' }, {
    en: (p) => `Removed “${p.title}” (${p.docId}) from the briefing; its file was kept aside. ${p.articles} articles left.`,
    vi: (p) => `Đã xóa “${p.title}” (${p.docId}) khỏi bản tin; tệp được cất riêng. Còn ${p.articles} bài.`,
  }),
  addedListTitle: template({ n: 'number' }, {
    en: (p) => (p.n === 1 ? '1 article added from Discord, the console or feeds' : `${p.n} articles added from Discord, the console or feeds`),
    vi: (p) => `${p.n} bài được thêm từ Discord, console dòng lệnh hoặc nguồn tin`,
  }),
  addedListEmpty: withCommands({}, {
    en: (_p, command) => `No article has been added yet: ${command('articleAdd')} takes a link or a file, ${command('feedAdd')} follows a feed.`,
    vi: (_p, command) => `Chưa có bài nào được thêm: ${command('articleAdd')} nhận đường dẫn hoặc tệp, ${command('feedAdd')} để theo dõi một nguồn tin.`,
  }),
  /** `when` is the day it was added (YYYY-MM-DD), or empty when its file does not say. */
  addedBy: template({ who: 'string', when: 'string' }, {
    en: (p) => (p.when === '' ? `added by ${p.who}` : `added by ${p.who} on ${p.when}`),
    vi: (p) => (p.when === '' ? `${p.who} thêm` : `${p.who} thêm ngày ${p.when}`),
  }),
  addedByConsole: words({ en: 'the console', vi: 'console dòng lệnh' }),
  addedByFeed: template({ feed: 'string' }, { en: (p) => `the feed ${p.feed}`, vi: (p) => `nguồn tin ${p.feed}` }),
  feedSubscribed: template({ title: 'string', id: 'string', added: 'number', minutes: 'number' }, {
    en: (p) => `Following “${p.title}” (${p.id}): ${p.added} of its latest articles added now; new ones every ${p.minutes} minutes.`,
    vi: (p) => `Đang theo dõi “${p.title}” (${p.id}): đã thêm ${p.added} bài mới nhất; bài mới được lấy mỗi ${p.minutes} phút.`,
  }),
  feedAnnouncedIn: template({ channel: 'string' }, {
    en: (p) => `New articles will be announced in <#${p.channel}>.`,
    vi: (p) => `Bài mới sẽ được thông báo trong <#${p.channel}>.`,
  }),
  feedRemoved: template({ title: 'string' }, {
    en: (p) => `No longer following “${p.title}”. The articles it added stay in the briefing.`,
    vi: (p) => `Đã ngừng theo dõi “${p.title}”. Các bài nó đã thêm vẫn ở trong bản tin.`,
  }),
  feedListTitle: template({ n: 'number' }, {
    en: (p) => (p.n === 1 ? '1 feed followed on this server' : `${p.n} feeds followed on this server`),
    vi: (p) => `${p.n} nguồn tin đang theo dõi trên máy chủ này`,
  }),
  feedListEmpty: withCommands({}, {
    en: (_p, command) => `This server follows no feed yet: ${command('feedAdd')} takes an RSS or Atom address.`,
    vi: (_p, command) => `Máy chủ này chưa theo dõi nguồn tin nào: ${command('feedAdd')} nhận địa chỉ RSS hoặc Atom.`,
  }),
  feedDetails: template({ id: 'string', url: 'string', channel: 'string', polled: 'string' }, {
    en: (p) => `${p.id} · ${p.url}${p.channel === '' ? '' : ` · announced in <#${p.channel}>`} · last read: ${p.polled}`,
    vi: (p) => `${p.id} · ${p.url}${p.channel === '' ? '' : ` · thông báo trong <#${p.channel}>`} · đọc lần cuối: ${p.polled}`,
  }),
  feedNeverPolled: words({ en: 'not yet', vi: 'chưa có' }),
  feedNews: template({ feed: 'string' }, {
    en: (p) => `New in the briefing, from ${p.feed}`,
    vi: (p) => `Bài mới trong bản tin, từ ${p.feed}`,
  }),
} as const;
