// @ts-check
/**
 * Lint rule `haven/no-feature-cycle`: no cycle between the folders of src/features, type imports
 * included. A feature may import another one only in one direction (the case page imports the
 * people tab; the people tab never imports anything of cases back), so each feature can be read,
 * tested and changed on its own. The rule reads the imports of every feature file on disk (cached
 * by modification time) and those of the file being linted, and refuses an import of a feature
 * from which the importing feature can be reached again.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const SOURCE = /\.(?:ts|tsx|mts|js|mjs)$/;
const SPECIFIER =
  /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g;

/** @type {Map<string, { mtimeMs: number; specifiers: string[] }>} */
const cache = new Map();

/** @param {string} dir @returns {string[]} */
function sourceFiles(dir) {
  /** @type {string[]} */
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.test(entry.name)) out.push(path);
  }
  return out;
}

/** @param {string} file @returns {string[]} */
function specifiersOf(file) {
  const { mtimeMs } = statSync(file);
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.specifiers;
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  cache.set(file, { mtimeMs, specifiers });
  return specifiers;
}

/**
 * The feature folder a path lies in (or is, for an import of a feature's index), or null.
 * @param {string} featuresDir @param {string} path
 */
function featureOf(featuresDir, path) {
  const rel = relative(featuresDir, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return rel.split(sep)[0] ?? null;
}

/** The feature a relative import from `file` lands in (null: not a feature's). */
function targetOf(featuresDir, file, specifier) {
  if (!specifier.startsWith('.')) return null;
  return featureOf(featuresDir, resolve(dirname(file), specifier));
}

/**
 * Feature-to-feature imports on disk, without `skip` (the file being linted, whose text may differ).
 * @returns {Map<string, Map<string, string>>} feature -> imported feature -> one importing file
 */
function featureGraph(featuresDir, skip) {
  /** @type {Map<string, Map<string, string>>} */
  const graph = new Map();
  let files = [];
  try {
    files = sourceFiles(featuresDir);
  } catch {
    return graph;
  }
  for (const file of files) {
    if (file === skip) continue;
    const from = featureOf(featuresDir, file);
    if (!from) continue;
    for (const specifier of specifiersOf(file)) {
      const to = targetOf(featuresDir, file, specifier);
      if (!to || to === from) continue;
      let edges = graph.get(from);
      if (!edges) graph.set(from, (edges = new Map()));
      if (!edges.has(to)) edges.set(to, relative(featuresDir, file).split(sep).join('/'));
    }
  }
  return graph;
}

/** The import chain from `start` back to `goal`, or null. */
function pathBetween(graph, start, goal) {
  /** @type {Map<string, string | null>} */
  const parent = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const at = /** @type {string} */ (queue.shift());
    if (at === goal) {
      const chain = [];
      for (let n = /** @type {string | null} */ (at); n !== null; n = parent.get(n) ?? null)
        chain.unshift(n);
      return chain;
    }
    for (const next of graph.get(at)?.keys() ?? []) {
      if (parent.has(next)) continue;
      parent.set(next, at);
      queue.push(next);
    }
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noFeatureCycle = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Forbid import cycles between src/features folders, type imports included',
    },
    schema: [],
    messages: {
      cycle:
        "features/{{from}} imports features/{{to}}, but features/{{to}} already depends on features/{{from}} ({{chain}}, first in {{file}}). Feature folders must not import each other in a cycle, type imports included: a page that composes another feature's tab imports it one way only. Move what both need into src/domain (types, pure rules) or src/shared/ui, or pass it down as props.",
    },
  },
  create(context) {
    const file = context.physicalFilename;
    const featuresDir = resolve(context.cwd, 'src/features');
    const from = featureOf(featuresDir, file);
    if (!from) return {};
    /** @type {Map<string, Map<string, string>> | null} */
    let graph = null;
    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const to = targetOf(featuresDir, file, source);
      if (!to || to === from) return;
      graph ??= featureGraph(featuresDir, file);
      const chain = pathBetween(graph, to, from);
      if (!chain) return;
      const evidence = graph.get(chain[chain.length - 2] ?? to)?.get(from) ?? '?';
      context.report({
        node,
        messageId: 'cycle',
        data: { from, to, chain: chain.join(' → '), file: `features/${evidence}` },
      });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { 'no-feature-cycle': noFeatureCycle } };
