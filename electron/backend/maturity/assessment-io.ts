// An assessment out of the project: JSON (the ratings, the results and the rule that made them),
// CSV (one row per item, dimension and the overall result) and a printable HTML report that is
// self-contained (inline style, the radar as inline SVG), has no script and escapes every text.

import { radarLayout, radarSvg } from '../../../shared/charts/radar';
import type { Assessment, MaturityModel, RuleResult } from '../../../shared/domain/maturity';
import { assess, formatScore, RULE_TEXT_EN, RULE_TEXT_FA } from '../../../shared/domain/maturity';
import { toCsv } from '../export';
import type { LabelLanguage } from './model-io';

const pick = (x: { labelFa: string; labelEn: string }, lang: LabelLanguage) =>
  (lang === 'fa' ? x.labelFa || x.labelEn : x.labelEn || x.labelFa).trim();

export interface AssessmentJson {
  format: 'groundwork.maturity-assessment';
  formatVersion: 1;
  project: string;
  exportedAt: string;
  assessment: { name: string; organisation: string; assessedOn: string };
  rule: { en: string; fa: string };
  levels: { value: number; labelFa: string; labelEn: string }[];
  dimensions: {
    position: number;
    labelFa: string;
    labelEn: string;
    items: number;
    applicable: number;
    rated: number;
    notApplicable: number;
    score: number | null;
    level: number | null;
    notDetermined: string | null;
    ratings: { label: string; code: string | null; rating: number | 'na' | null }[];
  }[];
  overall: { level: number | null; score: number | null; notDetermined: number };
}

function ratingMap(a: Assessment) {
  return new Map(a.ratings.map((r) => [`${r.dimensionId}:${r.conceptId}`, r.value]));
}

export function assessmentToJson(model: MaturityModel, a: Assessment, projectName: string): AssessmentJson {
  const result = assess(model, a.ratings);
  const ratings = ratingMap(a);
  return {
    format: 'groundwork.maturity-assessment',
    formatVersion: 1,
    project: projectName,
    exportedAt: new Date().toISOString(),
    assessment: { name: a.name, organisation: a.organisation, assessedOn: a.assessedOn },
    rule: { en: RULE_TEXT_EN, fa: RULE_TEXT_FA },
    levels: model.levels.map((l) => ({ value: l.value, labelFa: l.labelFa, labelEn: l.labelEn })),
    dimensions: model.dimensions.map((d, i) => ({
      position: d.position,
      labelFa: d.labelFa,
      labelEn: d.labelEn,
      ...result.dimensions[i]!,
      ratings: d.items.map((item) => ({
        label: item.label,
        code: item.code,
        rating: ratings.get(`${d.id}:${item.conceptId}`) ?? null,
      })),
    })),
    overall: result.overall,
  };
}

export const ASSESSMENT_CSV_HEADER = ['kind', 'dimension', 'code', 'item', 'rating', 'rating_label', 'score', 'level', 'level_label', 'rated', 'applicable'];

export function assessmentCsv(model: MaturityModel, a: Assessment, lang: LabelLanguage): string {
  const result = assess(model, a.ratings);
  const ratings = ratingMap(a);
  const levelLabel = (v: number | null) => {
    const level = v === null ? undefined : model.levels[v - 1];
    return level ? pick(level, lang) : '';
  };
  const na = lang === 'fa' ? 'نامرتبط' : 'not applicable';
  const nd = lang === 'fa' ? 'نامعین' : 'not determined';
  const rows: (string | number)[][] = [ASSESSMENT_CSV_HEADER];
  model.dimensions.forEach((d, i) => {
    const label = pick(d, lang);
    for (const item of d.items) {
      const v = ratings.get(`${d.id}:${item.conceptId}`);
      rows.push([
        'item', label, item.code ?? '', item.label,
        v === undefined ? '' : v === 'na' ? 'na' : v,
        v === undefined ? '' : v === 'na' ? na : levelLabel(v),
        '', '', '', '', '',
      ]);
    }
    const r = result.dimensions[i]!;
    rows.push([
      'dimension', label, '', '', '', '', r.score === null ? '' : formatScore(r.score),
      r.level ?? '', r.level === null ? nd : levelLabel(r.level), r.rated, r.applicable,
    ]);
  });
  const o = result.overall;
  rows.push(['overall', '', '', '', '', '', o.score === null ? '' : formatScore(o.score), o.level ?? '', o.level === null ? nd : levelLabel(o.level), '', '']);
  return toCsv(rows);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const SERIES_COLORS = ['#2563eb', '#dc2626'];

/** The radar of one or two assessments' dimension scores, as an SVG string. */
export function assessmentRadar(model: MaturityModel, list: { a: Assessment; result: RuleResult }[], lang: LabelLanguage): string {
  const layout = radarLayout({
    axes: model.dimensions.map((d) => pick(d, lang)),
    levelCount: model.levels.length,
    levelLabels: model.levels.map((l) => pick(l, lang)),
    series: list.map(({ a, result }, i) => ({
      name: a.name,
      values: result.dimensions.map((d) => d.score),
      color: SERIES_COLORS[i % SERIES_COLORS.length]!,
    })),
    rtl: lang === 'fa',
  });
  return radarSvg(layout, { rtl: lang === 'fa', title: list.map((x) => x.a.name).join(' / ') });
}

/** A printable report of one assessment: no script, every text escaped, `dir="rtl"` in Persian. */
export function assessmentHtml(model: MaturityModel, a: Assessment, lang: LabelLanguage, projectName: string): string {
  const fa = lang === 'fa';
  const h = (en: string, persian: string) => escapeHtml(fa ? persian : en);
  const result = assess(model, a.ratings);
  const ratings = ratingMap(a);
  const levelLabel = (v: number | null) => {
    const level = v === null ? undefined : model.levels[v - 1];
    return level ? `${v}. ${escapeHtml(pick(level, lang))}` : '';
  };
  const nd = h('not determined', 'نامعین');
  const o = result.overall;
  const rows = model.dimensions
    .map((d, i) => {
      const r = result.dimensions[i]!;
      return `<tr><th scope="row"><bdi>${escapeHtml(pick(d, lang))}</bdi></th><td>${r.rated} / ${r.applicable}</td><td>${formatScore(r.score)}</td><td>${r.level === null ? nd : levelLabel(r.level)}</td></tr>`;
    })
    .join('\n');
  const withCodes = model.dimensions.some((d) => d.items.some((i) => i.code));
  const codeCell = (text: string, tag = 'td') => (withCodes ? `<${tag} class="code">${text}</${tag}>` : '');
  const details = model.dimensions
    .map((d) => {
      const items = d.items
        .map((item) => {
          const v = ratings.get(`${d.id}:${item.conceptId}`);
          const shown = v === undefined ? h('unrated', 'بی‌پاسخ') : v === 'na' ? h('not applicable', 'نامرتبط') : levelLabel(v);
          return `<tr>${codeCell(escapeHtml(item.code ?? ''))}<td dir="auto">${escapeHtml(item.label)}</td><td>${shown}</td></tr>`;
        })
        .join('\n');
      const empty = `<tr><td colspan="3">${h('No items: map categories to this dimension.', 'بدون گویه: مقوله‌ها را به این بُعد نگاشت کنید.')}</td></tr>`;
      return `<section class="dimension"><h3><bdi>${escapeHtml(pick(d, lang))}</bdi></h3><table><thead><tr>${codeCell(h('Code', 'کد'), 'th')}<th>${h('Item', 'گویه')}</th><th>${h('Rating', 'ارزیابی')}</th></tr></thead><tbody>${items || empty}</tbody></table></section>`;
    })
    .join('\n');
  const svg = assessmentRadar(model, [{ a, result }], lang);
  return `<!DOCTYPE html>
<html lang="${fa ? 'fa' : 'en'}" dir="${fa ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(a.name)}</title>
<style>
body { font-family: Vazirmatn, Tahoma, 'Segoe UI', sans-serif; margin: 2rem; color: #1f2937; line-height: 1.5; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
.meta { color: #4b5563; margin: 0 0 1rem; }
.overall { font-size: 1.2rem; padding: .75rem 1rem; border: 1px solid #d1d5db; border-radius: 6px; display: inline-block; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #d1d5db; padding: .3rem .5rem; text-align: start; vertical-align: top; }
thead th { background: #f3f4f6; }
td.code { white-space: nowrap; direction: ltr; unicode-bidi: isolate; }
.rule { background: #f9fafb; border-inline-start: 4px solid #9ca3af; padding: .5rem 1rem; }
.radar { text-align: center; break-inside: avoid; }
.radar svg { max-width: 100%; height: auto; }
section.dimension { break-inside: avoid-page; }
@media print { body { margin: 1cm; } .radar { page-break-after: always; } }
</style>
</head>
<body>
<h1>${escapeHtml(a.name)}</h1>
<p class="meta">${h('Organisation', 'سازمان')}: <bdi>${escapeHtml(a.organisation || '–')}</bdi> · ${h('Date', 'تاریخ')}: <bdi>${escapeHtml(a.assessedOn)}</bdi> · ${h('Project', 'پروژه')}: <bdi>${escapeHtml(projectName)}</bdi></p>
<p class="overall" data-overall-level="${o.level ?? ''}">${h('Overall level', 'سطح کلی')}: <strong>${o.level === null ? nd : levelLabel(o.level)}</strong> · ${h('mean score', 'میانگین امتیاز')} ${formatScore(o.score)}</p>
<h2>${h('Dimensions', 'ابعاد')}</h2>
<table class="summary"><thead><tr><th>${h('Dimension', 'بُعد')}</th><th>${h('Rated / applicable', 'ارزیابی‌شده / مرتبط')}</th><th>${h('Score', 'امتیاز')}</th><th>${h('Level', 'سطح')}</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<div class="radar">${svg}</div>
<h2>${h('How the levels are computed', 'روش محاسبهٔ سطح')}</h2>
<p class="rule">${escapeHtml(fa ? RULE_TEXT_FA : RULE_TEXT_EN)}</p>
<h2>${h('Ratings', 'ارزیابی گویه‌ها')}</h2>
${details}
</body>
</html>
`;
}
