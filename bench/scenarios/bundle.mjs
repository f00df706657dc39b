/** The renderer's initial JavaScript (entry chunk and its static imports), gzipped, from the build. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export default {
  name: 'initial JS (gzip)',
  needs: 'build',
  sizes: 'once',
  run({ root }) {
    const out = join(root, 'out/renderer');
    const m = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8'));
    const seen = new Set();
    const walk = (k) => {
      if (seen.has(k) || !m[k]) return;
      seen.add(k);
      for (const i of m[k].imports ?? []) walk(i);
    };
    for (const [k, c] of Object.entries(m)) if (c.isEntry) walk(k);
    const files = [...seen].map((k) => m[k].file).filter((f) => f.endsWith('.js'));
    const gz = files.reduce((n, f) => n + gzipSync(readFileSync(join(out, f))).length, 0);
    const raw = files.reduce((n, f) => n + readFileSync(join(out, f)).length, 0);
    return [
      {
        scenario: 'initial JS (gzip)',
        samples: [gz / 1024],
        unit: 'KiB',
        note: `${files.length} chunks, ${Math.round(raw / 1024)} KiB before gzip`,
      },
    ];
  },
};
