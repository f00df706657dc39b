/**
 * No cycle between feature folders, type imports included (lint-rules/no-feature-cycle.mjs, wired
 * in eslint.config.mjs). These tests lint small probe sources as if they stood in a feature folder,
 * against the real imports of the other features on disk: an import that closes a cycle fails with
 * the sentence that says why; an import in the one allowed direction passes.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function cycleMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'haven/no-feature-cycle')
    .map((message) => message.message);
}

describe('no cycle between feature folders', () => {
  it('given the case page imports the people tab, when people imports a type from cases, then lint fails and says why', async () => {
    const messages = await cycleMessages(
      'src/features/people/probe.ts',
      "import type { CasesPage } from '../cases';\nexport type Probe = typeof CasesPage;\n",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(
      'features/people imports features/cases, but features/cases already depends on features/people',
    );
    expect(messages[0]).toContain('must not import each other in a cycle, type imports included');
  });

  it('given cases imports travel and travel imports places, when places imports cases, then lint fails naming the chain', async () => {
    const messages = await cycleMessages(
      'src/features/places/probe.ts',
      "export { CasesPage } from '../cases';\n",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/cases → (travel|hosts|map) → places/);
  });

  it('given a feature, when it imports the planning types from the domain or another feature one way, then lint passes', async () => {
    const domain = await cycleMessages(
      'src/features/people/probe.ts',
      "import type { CaseBundle } from '../../domain/planning';\nexport type Probe = CaseBundle;\n",
    );
    expect(domain).toEqual([]);
    const oneWay = await cycleMessages(
      'src/features/cases/probe.ts',
      "import { PeopleTab } from '../people';\nexport const probe = PeopleTab;\n",
    );
    expect(oneWay).toEqual([]);
  });
});
