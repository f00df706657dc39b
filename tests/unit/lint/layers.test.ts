/**
 * The layer rules of architecture.md live in eslint.config.mjs. These tests lint small probe
 * sources as if they stood at a path in the tree and check that a wrong import fails with the
 * sentence that says why, and that a right import passes.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function messagesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter(
      (message) =>
        message.ruleId === '@typescript-eslint/no-restricted-imports' ||
        message.ruleId === 'no-restricted-globals',
    )
    .map((message) => message.message);
}

describe('layer rules in lint', () => {
  it('given src/domain, when it imports React, then lint fails and says domain is the pure rules layer', async () => {
    const messages = await messagesFor(
      'src/domain/probe.ts',
      "import { useState } from 'react';\nexport const probe = useState;\n",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('src/domain holds the pure planning rules');
  });

  it('given src/domain, when it imports storage or touches window, then lint fails', async () => {
    const messages = await messagesFor(
      'src/domain/probe.ts',
      "import { x } from '../storage';\nexport const probe = [x, window.location];\n",
    );
    expect(messages).toHaveLength(2);
    expect(messages.every((message) => message.includes('src/domain'))).toBe(true);
  });

  it('given src/domain, when it imports luxon and zod, then lint passes', async () => {
    const messages = await messagesFor(
      'src/domain/probe.ts',
      "import { DateTime } from 'luxon';\nimport { z } from 'zod';\nexport const probe = [DateTime, z];\n",
    );
    expect(messages).toEqual([]);
  });

  it('given a feature, when it imports dexie, then lint fails and says data goes through storage', async () => {
    const messages = await messagesFor(
      'src/features/cases/probe.ts',
      "import Dexie from 'dexie';\nexport const probe = Dexie;\n",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('Features reach data only through src/storage');
  });

  it('given a feature, when it imports a file inside another feature, then lint fails; through its index it passes', async () => {
    const inside = await messagesFor(
      'src/features/budget/probe.ts',
      "import { CasesPage } from '../cases/CasesPage';\nexport const probe = CasesPage;\n",
    );
    expect(inside).toHaveLength(1);
    expect(inside[0]).toContain('only through its index.ts');
    const throughIndex = await messagesFor(
      'src/features/budget/probe.ts',
      "import { CasesPage } from '../cases';\nexport const probe = CasesPage;\n",
    );
    expect(throughIndex).toEqual([]);
  });

  it('given the renderer, when it imports electron/preload at run time, then lint fails; a type-only import passes', async () => {
    const runtime = await messagesFor(
      'src/platform/probe.ts',
      "import { api } from '../../electron/preload';\nexport const probe = api;\n",
    );
    expect(runtime).toHaveLength(1);
    expect(runtime[0]).toContain('sandboxed renderer');
    const typeOnly = await messagesFor(
      'src/platform/probe.ts',
      "import type { HavenApi } from '../../electron/preload';\nexport type Probe = HavenApi;\n",
    );
    expect(typeOnly).toEqual([]);
  });

  it('given electron/main, when it imports src/storage, then lint fails; src/domain passes', async () => {
    const storage = await messagesFor(
      'electron/main/probe.ts',
      "import { x } from '../../src/storage';\nexport const probe = x;\n",
    );
    expect(storage).toHaveLength(1);
    expect(storage[0]).toContain(
      'electron/main may import electron/shared and pure src/domain only',
    );
    const domain = await messagesFor(
      'electron/main/probe.ts',
      "import { x } from '../../src/domain/ids';\nexport const probe = x;\n",
    );
    expect(domain).toEqual([]);
  });
});
