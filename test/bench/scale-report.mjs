// The scale part of the printed report: each measure at 10k, 100k and 1M segments side by side,
// with its target (issue 9), and the targets as PASS/WARN rows for results.targets.

const MiB = 1024 * 1024;
const ms = (v) => (v === null || v === undefined ? '–' : `${v >= 100 ? Math.round(v) : v.toFixed(1)} ms`);
const mb = (bytes) => (bytes === null || bytes === undefined ? '–' : `${(bytes / MiB).toFixed(0)} MiB`);

/** Each row: a label, how to read it from one size's results, how to print it, and the target per size key. */
const ROWS = [
  // MB as the rest of the benchmark prints them: MiB (1,048,576 bytes).
  ['file size before compaction', (r) => r.fileBytes, mb, { '1m': ['<', 600 * MiB, '600 MiB'] }],
  ['Table 8 (counts.paradigm), median', (r) => r['counts.paradigm (Table 8)']?.median, ms, { '10k': ['<', 20], '100k': ['<', 20], '1m': ['<', 100] }],
  ['  host CPU for it, median', (r) => r['counts.paradigm (Table 8)']?.cpu?.median, ms, {}],
  ['paradigm diagram / cascade (counts.mainCategories), median', (r) => r['counts.mainCategories (paradigm diagram, cascade)']?.median, ms, { '10k': ['<', 20], '100k': ['<', 20], '1m': ['<', 100] }],
  ['  host CPU for it, median', (r) => r['counts.mainCategories (paradigm diagram, cascade)']?.cpu?.median, ms, {}],
  ['maturity counts (maturity.get), median', (r) => r['maturity.get (maturity counts)']?.median, ms, { '10k': ['<', 20], '100k': ['<', 20], '1m': ['<', 100] }],
  ['  host CPU for it, median', (r) => r['maturity.get (maturity counts)']?.cpu?.median, ms, {}],
  ['codebook.get, median', (r) => r['codebook.get']?.median, ms, {}],
  ['first page of a component’s segments, median', (r) => r['segment.page, first 100 of a component']?.median ?? r['segment.list, a whole component (no paged method)']?.median, ms, { '1m': ['<', 50] }],
  ['  host CPU for it, median', (r) => r['segment.page, first 100 of a component']?.cpu?.median, ms, {}],
  ['a later page (the sixth), median', (r) => r['segment.page, sixth page of that component']?.median, ms, {}],
  ['undo of a 10,000-row step', (r) => r['history.undo of a 10,000-row step']?.median, ms, { '10k': ['<', 200], '100k': ['<', 200], '1m': ['<', 200] }],
  ['  host CPU for it', (r) => r['history.undo of a 10,000-row step']?.cpu?.median, ms, {}],
  ['redo of that step', (r) => r['history.redo of that step']?.median, ms, {}],
  ['search over 100 MB, p95 of every query', (r) => r['search: every query above']?.p95, ms, { '10k': ['<', 100], '100k': ['<', 100], '1m': ['<', 100] }],
  ['  host CPU for them, p95', (r) => r['search: every query above']?.cpu?.p95, ms, {}],
  ['segment.code in the backend (synchronous=FULL), median', (r) => r['segment.code in the backend, synchronous=FULL']?.median, ms, {}],
  ['… its p95', (r) => r['segment.code in the backend, synchronous=FULL']?.p95, ms, {}],
  ['segment.code with synchronous=NORMAL, median', (r) => r['segment.code in the backend, synchronous=NORMAL']?.median, ms, {}],
  ['… its p95', (r) => r['segment.code in the backend, synchronous=NORMAL']?.p95, ms, {}],
  ['UI: open a source → painted, median', (r) => r.ui?.['open a source (click → paragraphs painted)']?.median, ms, { '10k': ['<', 1000], '100k': ['<', 1000], '1m': ['<', 1000] }],
  ['UI: code a passage → painted, p95', (r) => r.ui?.['code a passage (Enter → highlight painted)']?.p95, ms, { '10k': ['<', 50], '100k': ['<', 50], '1m': ['<', 50] }],
  ['UI: scroll, average frame', (r) => r.ui?.['scroll the source, average frame']?.average, ms, { '10k': ['<', 20], '100k': ['<', 20], '1m': ['<', 20] }],
  ['load average (1 min) while measuring (2 cores)', (r) => r.loadAverage, (v) => (v === null ? '–' : v.toFixed(1)), {}],
];

const targetText = (t) => (t ? `< ${t[2] ?? ms(t[1])}` : '');

export function scaleTargets(scale) {
  const rows = [];
  for (const [label, read, , targets] of ROWS) {
    for (const [key, target] of Object.entries(targets)) {
      const r = scale.sizes[key];
      if (!r) continue;
      const value = read(r) ?? null;
      rows.push({
        name: `${label} at ${key}`,
        value,
        target: target[1],
        unit: target[2] ? 'bytes' : 'ms',
        status: value === null ? 'MISSING' : value < target[1] ? 'PASS' : 'WARN',
      });
    }
  }
  const imp = scale.import;
  if (imp) {
    rows.push({ name: 'import 1,000 sources: share of raw SQLite insert throughput', value: imp.ratio, target: 0.5, unit: 'ratio', status: imp.ratio >= 0.5 ? 'PASS' : 'WARN' });
    const csv = imp['export.segmentsCsv, 1,000 passages']?.median ?? null;
    rows.push({ name: 'CSV export of 1,000 passages (median)', value: csv, target: 10, unit: 'ms', status: csv === null ? 'MISSING' : csv < 10 ? 'PASS' : 'WARN' });
  }
  const build = scale.build;
  if (build) {
    const ratio = build.fileBytes / build.textBytes;
    rows.push({ name: 'file after importing 100 MB and searching once, × the text', value: ratio, target: 2.2, unit: 'ratio', status: ratio < 2.2 ? 'PASS' : 'WARN' });
  }
  return rows;
}

export function renderScale(scale) {
  const keys = Object.keys(scale.sizes);
  const width = Math.max(...ROWS.map(([label]) => label.length));
  const cell = (text) => String(text).padStart(11);
  const lines = ['', `Scale: ${scale.build ? `${scale.build.sources.toLocaleString('en')} sources, ${(scale.build.textBytes / 1e6).toFixed(0)} MB of text` : ''}`];
  lines.push(`  ${'measure'.padEnd(width)}  ${keys.map(cell).join(' ')}  target`);
  for (const [label, read, format, targets] of ROWS) {
    const values = keys.map((key) => cell(format(read(scale.sizes[key]) ?? null)));
    const target = [...new Set(keys.map((k) => targetText(targets[k])).filter(Boolean))].join(' / ');
    lines.push(`  ${label.padEnd(width)}  ${values.join(' ')}  ${target}`);
  }
  if (scale.build) {
    const b = scale.build;
    lines.push(
      '',
      `  importing the 2,000 sources: ${(b.importMs / 1000).toFixed(1)} s; first search (builds the index): ${(b.firstSearchMs / 1000).toFixed(1)} s;` +
        ` file ${mb(b.fileBytes)} for ${mb(b.textBytes)} of text (${(b.fileBytes / b.textBytes).toFixed(2)} × the text)`,
    );
  }
  const imp = scale.import;
  if (imp) {
    lines.push(
      `  importing 1,000 sources (${mb(imp.bytes)}): ${ms(imp.importMs)} sent as bytes (${ms(imp.uploadMs)} of it uploading), ${ms(imp.importBase64Ms)} as base64 JSON;` +
        ` raw SQLite inserts of the same texts ${ms(imp.rawMs)}: ${(imp.ratio * 100).toFixed(0)} % of raw (base64: ${(imp.ratioBase64 * 100).toFixed(0)} %); first search after it ${ms(imp.firstSearchMs)}`,
      `  segment.code through HTTP (1,000 passages on 300 KB): median ${ms(imp['segment.code through HTTP, 1,000 passages']?.median)}, p95 ${ms(imp['segment.code through HTTP, 1,000 passages']?.p95)};` +
        ` export.segmentsCsv of them: median ${ms(imp['export.segmentsCsv, 1,000 passages']?.median)}`,
    );
  }
  for (const key of keys) {
    const r = scale.sizes[key];
    const queries = Object.entries(r).filter(([name]) => name.startsWith('search: ') && name !== 'search: every query above');
    lines.push(
      `  search at ${key} (median/p95, host CPU median): ${queries
        .map(([name, q]) => `${name.slice(8)} ${ms(q.median)}/${ms(q.p95)} cpu ${ms(q.cpu?.median)} (${q.hits.toLocaleString('en')} hits)`)
        .join('; ')}`,
    );
  }
  return lines;
}
