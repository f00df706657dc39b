#!/usr/bin/env node
/**
 * `npm run dist`: builds Haven and packages it with electron-builder. Packaging needs the
 * Electron binary; offline, electron-builder fails with a DNS error that never says so. This
 * wrapper passes HAVEN_ELECTRON_DIST (an unpacked Electron 45 folder for this platform) as
 * `-c.electronDist=...`, and when packaging fails for want of the download it says what is
 * missing and how to give it. Extra arguments go to electron-builder (e.g. `-- --dir`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distArgs, explainDistFailure } from './launch-plan.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

if (
  (spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' }).status ?? 1) !== 0
)
  process.exit(1);

const args = distArgs(
  ['electron-builder', '--config', 'electron-builder.yml', ...process.argv.slice(2)],
  process.env,
);
const child = spawn('npx', args, { cwd: root, stdio: ['inherit', 'pipe', 'pipe'] });
let output = '';
for (const [from, to] of [
  [child.stdout, process.stdout],
  [child.stderr, process.stderr],
]) {
  from.on('data', (chunk) => {
    output += chunk;
    to.write(chunk);
  });
}
child.on('exit', (code) => {
  if (code !== 0) {
    const why = explainDistFailure(output, process.env);
    if (why) console.error(`\n${why}`);
  }
  process.exit(code ?? 1);
});
