/** Long lists in pages, with Previous / Next buttons that edit the message in place. */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { text, type Locale } from '../../messages/index.js';

export interface Page<T> {
  items: T[];
  /** 0-based. */
  page: number;
  pages: number;
  total: number;
}

/** Page `page` of `items` (clamped to the pages there are: a list may have shrunk since the button was made). */
export function pageOf<T>(items: readonly T[], page: number, perPage: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const at = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { items: items.slice(at * perPage, (at + 1) * perPage), page: at, pages, total: items.length };
}

/** The Previous / Next buttons of a page (none for a single page); `customId(page)` names the page a button opens. */
export function pagerRows(page: Page<unknown>, customId: (page: number) => string, locale: Locale): Array<APIActionRowComponent<APIButtonComponent>> {
  if (page.pages <= 1) return [];
  const button = (target: number, label: string, disabled: boolean): APIButtonComponent => ({ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId(target), label, disabled });
  return [
    {
      type: ComponentType.ActionRow,
      components: [button(page.page - 1, text(locale, 'previousPage'), page.page === 0), button(page.page + 1, text(locale, 'nextPage'), page.page === page.pages - 1)],
    },
  ];
}
