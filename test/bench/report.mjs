// The printed table of results, the targets with PASS/WARN, and the JSON written to results/.

import { renderScale, scaleTargets } from './scale-report.mjs';

const ms = (v) => (v === null || v === undefined ? '–' : `${v >= 100 ? Math.round(v) : v.toFixed(1)} ms`);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function timingCell(r) {
  if (!r || r.n === undefined) return '';
  if (r.n === 1) return ms(r.median);
  return `median ${ms(r.median)}  p95 ${ms(r.p95)}  worst ${ms(r.worst)}  (n=${r.n})`;
}

/** The lines of a two-column table. */
function table(title, rows) {
  const width = Math.max(...rows.map(([name]) => name.length), 20);
  const out = [``, title, '-'.repeat(title.length)];
  for (const [name, value] of rows) out.push(`  ${name.padEnd(width)}  ${value}`);
  return out;
}

export function targets(results) {
  const { backend, reader } = results;
  const big = results.sources.find((s) => s.key === '5mb').label;
  const n = results.meta.segments.toLocaleString('en');
  const rows = [
    [`first paint of the ${big} source (median)`, reader?.[`first paint ${big}`]?.median, 1000],
    ['code one passage in the reader, painted (median)', reader?.['code one passage (Enter → highlight painted)']?.median, 100],
    [
      'code one passage, painted (p95; Coding, after Screening, with Search)',
      reader?.['code one passage, Coding / after Screening / with Search (Enter → highlight painted)']?.p95,
      50,
    ],
    [`scroll frame average, ${big} source with ${n} segments`, reader?.[`scroll ${big}`]?.average, 20],
    ['backend segment.code (median)', backend?.['segment.code']?.median, 20],
    [`backend counts.paradigm with ${n} segments (median)`, backend?.['counts.paradigm']?.median, 200],
    ['search.query, 1,000 sources, common word (median)', results.search?.['search: common Persian word (بازاریابی)']?.median, 200],
    ['search.query, 1,000 sources, ZWNJ-typed word (median)', results.search?.['search: Persian word typed with ZWNJ (کسب‌وکار)']?.median, 200],
  ];
  const own = rows.map(([name, value, limit]) => ({
    name,
    value: value ?? null,
    target: limit,
    unit: 'ms',
    status: value === null || value === undefined ? 'MISSING' : value < limit ? 'PASS' : 'WARN',
  }));
  // The scale part's rows are on sizes of their own (test/bench/scale-report.mjs).
  return results.scale ? [...own, ...scaleTargets(results.scale)] : own;
}

/** A target row's value and limit in its unit. */
function targetCells(t) {
  if (t.unit === 'bytes') return `${t.value === null ? '–' : `${(t.value / 1024 / 1024).toFixed(0)} MiB`} (target < ${(t.target / 1024 / 1024).toFixed(0)} MiB)`;
  if (t.unit === 'ratio') return `${t.value === null ? '–' : t.value.toFixed(2)} (target ${t.name.startsWith('import') ? '≥' : '<'} ${t.target})`;
  return `${ms(t.value)} (target < ${t.target} ms)`;
}

export function render(results) {
  const lines = [];
  const { meta, sources, backend, reader } = results;
  lines.push(`Groundwork benchmark — ${meta.date}`);
  lines.push(`Node ${meta.node}, ${meta.cpus}× ${meta.cpuModel}, ${meta.memoryGB} GB RAM${reader?.chromium ? `, Chromium ${reader.chromium}` : ''}`);

  lines.push(
    ...table(
      'Generated sources',
      sources.map((s) => [
        s.name,
        `${mb(s.bytes)}, ${s.chars.toLocaleString('en')} characters, ${s.paragraphs.toLocaleString('en')} paragraphs, ${s.zwnj.toLocaleString('en')} ZWNJ`,
      ]),
    ),
  );

  if (backend) {
    const rows = [];
    for (const [name, r] of Object.entries(backend)) {
      if (name.startsWith('project file')) {
        rows.push([name, `${mb(r.total)} (file ${mb(r.file)}, WAL ${mb(r.wal)})`]);
        continue;
      }
      let cell = timingCell(r);
      if (name === 'segment.code') {
        rows.push([name, cell]);
        rows.push(['', `first 500 median ${ms(r.first500)}, last 500 median ${ms(r.last500)}`]);
        rows.push(['', `${r.kinds.overlapping} overlap the previous one, ${r.kinds.crossing} cross a paragraph end`]);
        continue;
      }
      if (r.responseBytes) cell += `  [${mb(r.responseBytes)} response]`;
      if (r.csvChars) cell += `  [${(r.csvChars / 1e6).toFixed(2)} M characters]`;
      rows.push([name, cell]);
    }
    lines.push(...table('Backend, through the HTTP API (wall time of each call)', rows));
  }

  if (reader) {
    const rows = [];
    for (const [name, r] of Object.entries(reader)) {
      if (name === 'chromium' || name === 'pageErrors') continue;
      if (name.startsWith('heap')) {
        const h = r.afterGc ?? r;
        const extra = r.beforeGc ? ` (before GC ${r.beforeGc.usedMB} MB)` : '';
        rows.push([name, `JS heap used ${h.usedMB} MB after GC${extra}, ${h.domNodes.toLocaleString('en')} DOM nodes`]);
      } else if (name.endsWith('main-thread work')) {
        rows.push([name, `median per run: all tasks ${ms(r.task)} = script ${ms(r.script)} + layout ${ms(r.layout)} + style ${ms(r.style)} + other`]);
      } else if (name.endsWith('calls to the backend')) {
        rows.push([name, `median ${r.median}, most ${r.worst} calls per coding (n=${r.n})`]);
      } else if (name.startsWith('scroll')) {
        rows.push([
          name,
          `frame average ${ms(r.average)}  p95 ${ms(r.p95)}  worst ${ms(r.worst)}  (${r.frames} frames, ${r.over50ms} over 50 ms, ${r.pxPerFrame} px/frame)`,
        ]);
      } else {
        let cell = timingCell(r);
        if (r.first !== undefined) cell += `  first ${ms(r.first)}`;
        rows.push([name, cell]);
      }
    }
    lines.push(...table(`Reader in Chromium, ${results.meta.viewport}`, rows));
    if (reader.pageErrors.length) lines.push('', 'Page errors:', ...reader.pageErrors.map((e) => `  ${e}`));
  }

  if (results.search) {
    const rows = [];
    for (const [name, r] of Object.entries(results.search)) {
      if (name === 'corpus') {
        rows.push([name, `${r.sources.toLocaleString('en')} sources, ${mb(r.bytes)}`]);
        continue;
      }
      let cell = timingCell(r);
      if (r.hits !== undefined) cell += `  [${r.hits.toLocaleString('en')} hits in ${r.sources} sources; backend ${ms(r.backendMs)}]`;
      if (r.coded !== undefined) cell += `  [${r.coded.toLocaleString('en')} segments]`;
      if (r.words !== undefined) cell += `  [${r.words.toLocaleString('en')} words]`;
      if (r.responseBytes) cell += `  [${mb(r.responseBytes)} response]`;
      rows.push([name, cell]);
    }
    lines.push(...table('Corpus search, through the HTTP API', rows));
  }

  if (results.scale) lines.push(...renderScale(results.scale));
  if (results.targets) lines.push(...table('Targets', results.targets.map((t) => [`${t.status.padEnd(4)} ${t.name}`, targetCells(t)])));
  return lines.join('\n');
}
