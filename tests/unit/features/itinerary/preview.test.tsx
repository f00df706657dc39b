// @vitest-environment jsdom
/**
 * The print preview (features/itinerary/PackPreview.tsx) and its @page rule: Save as PDF goes
 * through the platform seam once, however often it is pressed while it runs, and says it is busy;
 * the footer and page numbers are CSS margin boxes in the pack's language.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { selectPack } from '../../../../src/domain/itinerary';
import { isoDate } from '../../../../src/domain/time';
import type { PersonId } from '../../../../src/domain/ids';
import { PackPreview, packFileName, packRouteMaps } from '../../../../src/features/itinerary';
import { loadBasemap, routeMapLabels } from '../../../../src/features/map';
import {
  cssString,
  pageCounterContent,
  pageRule,
} from '../../../../src/features/itinerary/page-style';
import {
  PHRASE_KEYS,
  WRONG_STEP_KEYS,
  packLanguages,
} from '../../../../src/features/itinerary/pack-text';
import type { Platform, PrintResult } from '../../../../src/platform';
import { packFixture } from '../../domain/itinerary/pack-fixture';
import { renderUi } from '../../render';

const printDate = isoDate('2026-12-02');
const { ids, bundles, hosts } = packFixture();
const content = selectPack([bundles.get(ids.caseId)!], hosts, {
  variant: { kind: 'coordinator' },
  legalNamesFor: new Set(),
  redactAddresses: false,
  today: printDate,
});

function fakeSeam(printToPdf: Platform['printToPdf']): Platform {
  return {
    kind: 'electron',
    printToPdf,
    saveFile: vi.fn(),
    openFile: vi.fn(),
    appInfo: vi.fn(),
    onSystemLock: () => () => undefined,
    setTileTemplate: vi.fn(),
  };
}

describe('PackPreview', () => {
  it(
    'Given Save as PDF pressed twice while the first runs, Then the seam prints once and the button is busy until it ends',
    {
      timeout: 30_000,
    },
    async () => {
      let finish: (r: PrintResult) => void = () => undefined;
      const printToPdf = vi.fn(
        () =>
          new Promise<PrintResult>((resolve) => {
            finish = resolve;
          }),
      );
      renderUi(
        <PackPreview
          content={content}
          packT={i18next.getFixedT('en')}
          language="en"
          paper="Letter"
          printDate={printDate}
          contacts={['Duty phone +420 555 010 300']}
          onClose={() => undefined}
          hosts={hosts}
          seam={fakeSeam(printToPdf)}
        />,
      );
      const save = screen.getByRole('button', { name: 'Save as PDF' });
      // Enabled once the route map's basemap has loaded.
      // (The basemap is a dynamic import: allow for a busy machine.)
      await waitFor(() => expect((save as HTMLButtonElement).disabled).toBe(false), {
        timeout: 15_000,
      });
      expect(
        screen.getByRole('dialog', { name: 'Print preview' }).querySelector('.pack-map svg'),
      ).not.toBeNull();
      fireEvent.click(save);
      fireEvent.click(save);
      await waitFor(() =>
        expect(
          (screen.getByRole('button', { name: 'Saving the PDF…' }) as HTMLButtonElement).disabled,
        ).toBe(true),
      );
      fireEvent.click(screen.getByRole('button', { name: 'Saving the PDF…' }));
      expect(printToPdf).toHaveBeenCalledTimes(1);
      expect(printToPdf).toHaveBeenCalledWith({
        suggestedName: 'itinerary-cedar-coordinator-2026-12-02.pdf',
        pageSize: 'Letter',
      });
      await act(async () => finish({ kind: 'cancelled' }));
      expect(
        (screen.getByRole('button', { name: 'Save as PDF' }) as HTMLButtonElement).disabled,
      ).toBe(false);
      expect(screen.getByRole('status').textContent).toContain('Nothing was saved.');
      // The preview shows the pack and its page rule for US Letter.
      const preview = screen.getByRole('dialog', { name: 'Print preview' });
      expect(preview.textContent).toContain('Departs 04:35 GET (UTC+4)');
      expect(preview.querySelector('style')?.textContent).toContain('size: letter');
    },
  );
});

describe('packRouteMaps', () => {
  it(
    "Given a traveller copy, Then its map shows only the traveller's route, and redacted no host name",
    {
      timeout: 30_000,
    },
    async () => {
      const basemap = await loadBasemap('110m');
      const labels = routeMapLabels(i18next.getFixedT('en'));
      const select = (redact: boolean) =>
        selectPack([bundles.get(ids.caseId)!], hosts, {
          variant: { kind: 'traveller', personId: ids.cedar as PersonId, withMinors: true },
          legalNamesFor: new Set(),
          redactAddresses: redact,
          today: printDate,
        });
      const open = packRouteMaps(select(false), hosts, { basemap, labels }).get(ids.caseId) ?? '';
      expect(open).toContain('Route of Cedar');
      expect(open).toContain('Kauri House');
      expect(open).toContain('Honolulu HNL');
      expect(open).not.toContain('Birch');
      expect(open).not.toContain('Tulip Rooms');
      expect(open).not.toContain('Paris');
      const hidden = packRouteMaps(select(true), hosts, { basemap, labels }).get(ids.caseId) ?? '';
      expect(hidden).toContain('Auckland');
      expect(hidden).not.toContain('Kauri House');
    },
  );
});

describe('page rule', () => {
  it('puts the page counters into the translated template, and quotes text safely', () => {
    expect(pageCounterContent('Page {{page}} of {{pages}}')).toBe(
      '"Page " counter(page) " of " counter(pages)',
    );
    expect(pageCounterContent('{{page}}/{{pages}}')).toBe('counter(page) "/" counter(pages)');
    expect(cssString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c d"');
    const rule = pageRule('A4', 'Confidential · Cedar', 'Page {{page}} of {{pages}}');
    expect(rule).toContain('size: A4 portrait');
    expect(rule).toContain('@bottom-left { content: "Confidential · Cedar"');
    expect(rule).toContain('@bottom-right { content: "Page " counter(page)');
  });

  it('names the PDF by code names only', () => {
    expect(packFileName(content, printDate)).toBe('itinerary-cedar-coordinator-2026-12-02.pdf');
  });
});

describe('pack text', () => {
  it('offers the UI language and English, once when they are the same', () => {
    expect(packLanguages('en')).toEqual(['en']);
    expect(packLanguages('ru')).toEqual(['ru', 'en']);
  });

  it('has every fixed phrase and step in English', () => {
    for (const key of [...PHRASE_KEYS, ...WRONG_STEP_KEYS]) expect(i18next.exists(key)).toBe(true);
  });
});
