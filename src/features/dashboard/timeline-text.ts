/** The timeline's words for its rows (TimelinePage.tsx). */
import type { TFunction } from 'i18next';
import type { TimelineRow } from '../../domain/timeline';

/** A row's words: its status, and its accessible label. */
export interface RowText {
  status(row: TimelineRow): string;
  label(row: TimelineRow): string;
}

/** Stand-ins (private-use characters) for the label's values, found again in the translated text in any order. */
const SLOTS = { name: '\uE000', status: '\uE001', from: '\uE002', to: '\uE003' } as const;

/**
 * Each row's words for one language. The label's text is translated once, with stand-ins for its
 * values, and each row fills them in: scrolling mounts a dozen rows a frame, and formatting their
 * labels through i18next each time was most of a frame's script and garbage. Nothing is kept per
 * row: a cache of 5,000 labels grew the old heap as the list scrolled past and brought a full
 * garbage collection into the scroll.
 */
export function rowTexts(t: TFunction): RowText {
  const statuses = new Map<string, string>();
  const status = (row: TimelineRow): string => {
    let s = statuses.get(row.status);
    if (s === undefined) {
      s = t(`status.${row.status}`);
      statuses.set(row.status, s);
    }
    return s;
  };
  const parts = t('timeline.rowLabel', SLOTS).split(/([\uE000-\uE003])/);
  return {
    status,
    label: (row) => {
      let s = '';
      for (const p of parts) {
        if (p === SLOTS.name) s += row.codeName;
        else if (p === SLOTS.status) s += status(row);
        else if (p === SLOTS.from) s += row.start ?? '…';
        else if (p === SLOTS.to) s += row.end ?? '…';
        else s += p;
      }
      return s;
    },
  };
}
