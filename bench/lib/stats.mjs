/** Figures of a set of samples, and one row of bench/results.json from a scenario's measurement. */
export function median(xs) {
  if (!xs?.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.floor(s.length / 2);
  return s.length % 2 ? s[i] : (s[i - 1] + s[i]) / 2;
}

export function p95(xs) {
  if (!xs?.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
}

const round = (x) => (x === null || x === undefined ? null : Math.round(x * 100) / 100);

/**
 * A result row. `m` is what a scenario returns (see bench/README.md): samples (or a given median
 * and p95), an optional baseline, and an optional target { of: 'median'|'p95'|'ratio'|'max', max }.
 */
export function row(m, size) {
  const med = m.median ?? median(m.samples);
  const p = m.p95 ?? p95(m.samples) ?? med;
  const base = m.baseline ? (m.baseline.median ?? median(m.baseline.samples)) : null;
  const ratio = m.ratio ?? (base ? med / base : null);
  const value = m.target
    ? {
        median: med,
        p95: p,
        ratio,
        max: m.max ?? (m.samples?.length ? Math.max(...m.samples) : p),
      }[m.target.of]
    : null;
  const met = m.target ? value !== null && value !== undefined && value <= m.target.max : null;
  return {
    scenario: m.scenario,
    size: m.size === undefined ? size : m.size,
    unit: m.unit ?? 'ms',
    median: round(med),
    p95: round(p),
    n: m.samples?.length ?? null,
    baseline: round(base),
    ratio: round(ratio),
    target: m.target ? `${m.target.of} ≤ ${m.target.max}` : null,
    met,
    note: m.note ?? null,
  };
}

export function markdown(rows) {
  const cell = (v) => (v === null || v === undefined ? '' : String(v));
  const lines = [
    '| scenario | size | median | p95 | baseline | ratio | target | met | note |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
  ];
  for (const r of rows) {
    const met = r.met === null ? '–' : r.met ? 'yes' : '**NO**';
    lines.push(
      `| ${r.scenario} | ${cell(r.size)} | ${cell(r.median)} ${r.unit} | ${cell(r.p95)} | ${cell(r.baseline)} | ${cell(r.ratio)} | ${cell(r.target)} | ${met} | ${cell(r.note)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
