// Export models for the tests: a Persian project built from the example sources (fixtures/example),
// and the model a store would hold after importing a plan, so a vendor file can go
// file → plan → model → file → plan and be compared at each step.

import fs from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import type { ExportModel } from '../../../../shared/domain/exchange-export';
import type { ImportPlan } from '../../../../shared/domain/exchange-plan';
import { guidKey } from '../../../../shared/domain/exchange-model';
import { COMPONENT_LABELS_FA } from '../../../../shared/domain/paradigm';
import { canonicalizeText } from '../../../../shared/domain/text';
import { REPO } from '../../../helpers/backend';
import { REFI } from './samples';

const EXAMPLE = path.join(REPO, 'fixtures/example');

/** Offsets of a phrase in a text (its first occurrence), failing loudly when it is not there. */
function at(text: string, phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`phrase not in text: ${phrase}`);
  return { start, end: start + phrase.length };
}

export function persianModel(): ExportModel {
  const files = ['Account-based marketing (fa).txt', 'B2B marketing attribution (ar).txt', 'B2B marketing guide (fa).txt'];
  const texts = files.map((f) => canonicalizeText(fs.readFileSync(path.join(EXAMPLE, f), 'utf8')));
  // A text with emoji and a combining mark, where code points and UTF-16 units differ.
  const mixed = 'نظر مشتری 😀 درباره‌ی خرید\nline 🙂 two: café and 𝒳 done\n';
  const sources = [
    ...files.map((f, i) => ({
      guid: `1111111${i}-0000-4000-8000-00000000000${i}`,
      name: f.replace(/\.txt$/, ''),
      text: texts[i]!,
      memo: i === 0 ? 'یادداشت منبع:\nمتن با نیم‌فاصله' : '',
      createdAt: '2025-03-01T10:00:00Z',
      attributes: i === 0 ? [{ name: 'سال', value: '۱۴۰۱' }, { name: 'authors', value: 'سهرابی و همکاران' }] : [{ name: 'سال', value: '2022' }],
    })),
    { guid: '11111119-0000-4000-8000-000000000009', name: 'مخلوط 😀', text: mixed, memo: '', createdAt: null, attributes: [] },
  ];
  const seg = (n: number, source: number, concept: string, phrase: string, memo = '', coder: string | null = 'aaaaaaaa-0000-4000-8000-000000000001') => ({
    guid: `22222222-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
    sourceGuid: sources[source]!.guid,
    conceptGuid: concept,
    ...at(sources[source]!.text, phrase),
    memo,
    coderGuid: coder,
    createdAt: '2025-03-02T11:00:00Z',
  });
  const C1 = '33333333-0000-4000-8000-000000000001';
  const C2 = '33333333-0000-4000-8000-000000000002';
  const C3 = '33333333-0000-4000-8000-000000000003';
  const C4 = '33333333-0000-4000-8000-000000000004';
  const K1 = '44444444-0000-4000-8000-000000000001';
  const K2 = '44444444-0000-4000-8000-000000000002';
  const K3 = '44444444-0000-4000-8000-000000000003';
  const K4 = '44444444-0000-4000-8000-000000000004';
  return {
    name: 'پروژه‌ی بازاریابی B2B',
    origin: 'Groundwork 0.1.0',
    users: [
      { guid: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'مریم' },
      { guid: 'aaaaaaaa-0000-4000-8000-000000000002', name: 'Ali' },
    ],
    components: [
      { key: 'causal', label: COMPONENT_LABELS_FA.causal, memo: 'شرایطی که به پدیده می‌انجامد' },
      { key: 'strategies', label: COMPONENT_LABELS_FA.strategies, memo: '' },
    ],
    categories: [
      { guid: K1, name: 'بازاریابی مبتنی بر حساب', color: '#e6194b', memo: 'مقوله‌ی اصلی', parentGuid: null, component: 'causal' },
      { guid: K2, name: 'شاخص‌های ارزیابی', color: '#3cb44b', memo: '', parentGuid: K1, component: null },
      { guid: K3, name: 'همسویی فروش و بازاریابی', color: '#4363d8', memo: '', parentGuid: null, component: 'strategies' },
      { guid: K4, name: 'مقوله‌ی خالی', color: '#ffb000', memo: '', parentGuid: null, component: null },
    ],
    concepts: [
      { guid: C1, label: 'استراتژی بازاریابی', color: '#e6194b', memo: 'مفهوم با نیم‌فاصله‌ها و «گیومه»' },
      { guid: C2, label: 'إسناد التسويق', color: '#911eb4', memo: '' },
      { guid: C3, label: 'emoji & <marks> "quoted"', color: '#1fb3b3', memo: '' },
      { guid: C4, label: 'مفهوم بی‌بخش', color: '#6d6d6d', memo: 'no segments, filed nowhere' },
    ],
    filings: [
      { categoryGuid: K2, conceptGuid: C1 },
      { categoryGuid: K3, conceptGuid: C1 },
      { categoryGuid: K1, conceptGuid: C2 },
      { categoryGuid: K3, conceptGuid: C3 },
    ],
    sources,
    segments: [
      seg(1, 0, C1, 'استراتژی بازاریابی مبتنی بر حساب', 'یادداشت بخش'),
      seg(2, 1, C2, 'إسناد تسويق B2B'),
      seg(3, 2, C1, 'بازاریابی B2B', '', 'aaaaaaaa-0000-4000-8000-000000000002'),
      seg(4, 3, C3, '😀 درباره‌ی'),
      seg(5, 3, C3, '🙂 two: café and 𝒳', 'after emoji'),
      seg(6, 3, C1, 'line 🙂 two: café and 𝒳 done', '', null),
    ],
  };
}

/** What a store would hold after importing a plan, as the model it would export again. */
export function modelFromPlan(plan: ImportPlan, name: string): ExportModel {
  const memo = (guid: string) => plan.memos[guidKey(guid)] ?? '';
  return {
    name,
    origin: 'Groundwork 0.1.0',
    users: plan.coders,
    components: plan.codebook.components.map((c) => ({ key: c.key, label: c.name, memo: memo(c.guid) })),
    categories: plan.codebook.categories.map((c) => ({ guid: c.guid, name: c.name, color: c.color, memo: memo(c.guid), parentGuid: c.parentGuid, component: c.component })),
    concepts: plan.codebook.concepts.map((c) => ({ guid: c.guid, label: c.label, color: c.color, memo: memo(c.guid) })),
    filings: plan.codebook.concepts.flatMap((c) => c.categoryGuids.map((g) => ({ categoryGuid: g, conceptGuid: c.guid }))),
    sources: plan.sources.map((s) => ({
      guid: s.guid,
      name: s.name,
      text: s.text,
      memo: memo(s.guid),
      createdAt: s.createdAt,
      attributes: plan.attributes.filter((a) => a.sourceGuid === s.guid).map((a) => ({ name: a.name, value: String(a.value ?? '') })),
    })),
    segments: plan.segments.map((s) => ({ guid: s.guid, sourceGuid: s.sourceGuid, conceptGuid: s.conceptGuid, start: s.start, end: s.end, memo: s.memo, coderGuid: s.coderGuid, createdAt: s.createdAt })),
  };
}

/** Validates against the schemas in ../shared/refi (not the copies Groundwork ships). */
export async function validateAgainstShared(xml: string, schema: 'Project.xsd' | 'Codebook.xsd') {
  const xsd = fs.readFileSync(path.join(REFI!, 'schemas', schema), 'utf8');
  const result = await validateXML({ xml: [{ fileName: 'out.xml', contents: xml }], schema: [xsd] });
  return result.errors.map((e) => e.rawMessage);
}
