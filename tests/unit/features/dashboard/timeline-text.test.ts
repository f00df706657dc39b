/**
 * The timeline's row words (timeline-text.ts): the label translated once with stand-ins, then
 * filled per row, says the same as i18next would, in English and in Russian (whose words around
 * the dates differ), with "…" for an open date.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { TimelineRow } from '../../../../src/domain/timeline';
import { resources } from '../../../../src/i18n';
import { rowTexts } from '../../../../src/features/dashboard/timeline-text';

const row = (over: Partial<TimelineRow> = {}): TimelineRow => ({
  caseId: 'c1',
  codeName: 'Heron',
  status: 'relocated',
  start: '2027-01-04' as TimelineRow['start'],
  end: '2027-04-03' as TimelineRow['end'],
  stays: [],
  legs: [],
  reviews: [],
  ...over,
});

describe('timeline row words', () => {
  it.each(['en', 'ru'] as const)('the label reads as i18next would write it (%s)', async (lng) => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng, interpolation: { escapeValue: false } });
    const texts = rowTexts(i18n.t);
    for (const r of [row(), row({ codeName: 'Kestrel', status: 'approved', end: null })]) {
      const status = i18n.t(`status.${r.status}`);
      expect(texts.status(r)).toBe(status);
      expect(texts.label(r)).toBe(
        i18n.t('timeline.rowLabel', {
          name: r.codeName,
          status,
          from: r.start ?? '…',
          to: r.end ?? '…',
        }),
      );
    }
    expect(texts.label(row())).toContain('Heron');
    expect(texts.label(row({ end: null }))).toMatch(/…$/);
  });
});
