// @vitest-environment jsdom
/**
 * Every text control the app uses keeps its text out of the browser profile: with the app's
 * theme, each Mantine text control renders autocomplete="off" without being told (so Chromium
 * neither autofills it nor saves its text in the session-restore files), and every <form> in the
 * source says autoComplete="off" too (session restore reads the form's attribute as well).
 */
import {
  Autocomplete,
  JsonInput,
  MultiSelect,
  NumberInput,
  Select,
  TagsInput,
  TextInput,
  Textarea,
} from '@mantine/core';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../../render';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx$/.test(name) ? [path] : [];
  });
}

describe('text controls and the browser profile', () => {
  it('Given the app theme, When each kind of text control renders with no autoComplete prop, Then its input says autocomplete="off"', () => {
    const { container } = renderUi(
      <>
        <TextInput label="a" />
        <Textarea label="b" />
        <Textarea label="c" autosize minRows={2} />
        <NumberInput label="d" />
        <Select label="e" data={['x']} />
        <Select label="f" data={['x']} searchable />
        <MultiSelect label="g" data={['x']} searchable />
        <Autocomplete label="h" data={['x']} />
        <TagsInput label="i" />
        <JsonInput label="j" />
      </>,
    );
    const controls = [...container.querySelectorAll('input:not([type=hidden]), textarea')];
    expect(controls.length).toBeGreaterThanOrEqual(10);
    const keeping = controls
      .filter((el) => el.getAttribute('aria-label') !== 'autosize measurement')
      .filter((el) => el.getAttribute('autocomplete') !== 'off')
      .map((el) => el.outerHTML.slice(0, 80));
    expect(keeping).toEqual([]);
  });

  it('Given the source, When a <form> is declared, Then it says autoComplete="off"', () => {
    const missing: string[] = [];
    for (const file of sources(join(__dirname, '../../../../src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/<form\b[^>]*/g)) {
        if (!/autoComplete="off"/.test(m[0])) missing.push(`${file}: ${m[0].slice(0, 60)}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
