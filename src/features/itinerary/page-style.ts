/**
 * The @page rule of the pack: paper size, margins, and the margin boxes that print
 * "Confidential · Cedar · printed 2026-12-02" bottom left and "Page 2 of 5" bottom right on every
 * page. Chromium (131+) prints @page margin boxes with counter(page) and counter(pages), so one
 * rule serves window.print, Electron's printToPDF and Playwright's page.pdf alike, with no
 * header/footer templates that would have to repeat the words in another place.
 */
import type { PageSize } from '../../platform';

/** A CSS string literal of `text` (quotes, backslashes and line breaks escaped). */
export function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;
}

/** A translated "Page {{page}} of {{pages}}" as CSS content with the page counters in place. */
export function pageCounterContent(template: string): string {
  const parts = template.split(/(\{\{\s*(?:page|pages)\s*\}\})/);
  return parts
    .filter((part) => part !== '')
    .map((part) => {
      const m = /^\{\{\s*(page|pages)\s*\}\}$/.exec(part);
      return m ? `counter(${m[1]})` : cssString(part);
    })
    .join(' ');
}

export function pageRule(paper: PageSize, footerLeft: string, pageTemplate: string): string {
  const size = paper === 'Letter' ? 'letter' : 'A4';
  const box = "font: 8.5pt 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; color: #333;";
  return `@page { size: ${size} portrait; margin: 16mm 14mm 18mm 14mm;
  @bottom-left { content: ${cssString(footerLeft)}; ${box} }
  @bottom-right { content: ${pageCounterContent(pageTemplate)}; ${box} } }`;
}
