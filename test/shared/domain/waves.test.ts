// Waves and filters as pure rules: which sources a batch, a year range or an attribute selects,
// that a source may sit in several waves (reported under the first), what a bad rule is told,
// and the filters of the analysis views.

import { describe, expect, it } from 'vitest';
import { documentId } from '../../../shared/domain/ids';
import type { AnalysisSource, Wave } from '../../../shared/domain/waves';
import { filterSources, importBatches, inWave, waveMembership, waveRuleProblem } from '../../../shared/domain/waves';
import { english } from '../../../shared/domain/message';

const source = (id: number, over: Partial<AnalysisSource>): AnalysisSource => ({
  id: documentId(id),
  name: `S${id}`,
  importBatch: 'step-1',
  importedAt: `2026-01-0${id}T00:00:00.000Z`,
  year: null,
  type: 'article',
  language: '',
  venue: '',
  stage: 'included',
  keywords: [],
  attributes: {},
  ...over,
});

const sources = [
  source(1, { year: 2014, language: 'fa' }),
  source(2, { year: 2021, keywords: ['ABM', 'B2B'] }),
  source(3, { year: 2023, importBatch: 'step-7', stage: 'eligible' }),
  source(4, { year: null, importBatch: 'step-7', type: 'web page', attributes: { Region: 'Gulf' } }),
];

describe('waves', () => {
  it('a batch, a year range (ends included, one end open) and an attribute (as labels compare)', () => {
    expect(sources.filter((s) => inWave({ kind: 'batch', batches: ['step-7'] }, s)).map((s) => s.id)).toEqual([3, 4]);
    expect(sources.filter((s) => inWave({ kind: 'years', from: 2013, to: 2021 }, s)).map((s) => s.id)).toEqual([1, 2]);
    expect(sources.filter((s) => inWave({ kind: 'years', from: 2022, to: null }, s)).map((s) => s.id)).toEqual([3]);
    expect(sources.filter((s) => inWave({ kind: 'attribute', attribute: 'keyword', value: 'abm' }, s)).map((s) => s.id)).toEqual([2]);
    expect(sources.filter((s) => inWave({ kind: 'attribute', attribute: 'type', value: 'Web page' }, s)).map((s) => s.id)).toEqual([4]);
    // A free-form source attribute (an exchange file's variable) by its name.
    expect(sources.filter((s) => inWave({ kind: 'attribute', attribute: 'Region', value: 'gulf' }, s)).map((s) => s.id)).toEqual([4]);
  });

  it('a source may be in several waves, listed in wave order', () => {
    const waves: Wave[] = [
      { id: 9, name: 'Recent', position: 2, rule: { kind: 'years', from: 2022, to: null } },
      { id: 5, name: 'Second batch', position: 1, rule: { kind: 'batch', batches: ['step-7'] } },
    ];
    const m = waveMembership(waves, sources);
    expect([...m]).toEqual([[1, []], [2, []], [3, [5, 9]], [4, [5]]]);
  });

  it('refuses rules that select nothing sensible, saying why', () => {
    const problem = (rule: Parameters<typeof waveRuleProblem>[0]) => {
      const found = waveRuleProblem(rule);
      return found && english(found);
    };
    expect(problem({ kind: 'batch', batches: [] })).toBe('Choose at least one import batch for the wave.');
    expect(problem({ kind: 'years', from: 2022, to: 2013 })).toBe('The wave’s years run backwards (2022 to 2013).');
    expect(problem({ kind: 'years', from: null, to: null })).toMatch(/first or the last/);
    expect(problem({ kind: 'attribute', attribute: 'language', value: '  ' })).toBe('Give the language the wave’s sources have.');
    expect(waveRuleProblem({ kind: 'years', from: 2013, to: 2013 })).toBeNull();
  });

  it('lists import batches oldest first, with their sources', () => {
    expect(importBatches(sources).map((b) => [b.key, b.sources])).toEqual([
      ['step-1', [1, 2]],
      ['step-7', [3, 4]],
    ]);
  });
});

describe('filters', () => {
  const m = waveMembership([{ id: 1, name: 'W', position: 1, rule: { kind: 'batch', batches: ['step-7'] } }], sources);
  it('by wave, by stage and by an attribute value, together', () => {
    expect(filterSources(sources, { waves: [1] }, m).map((s) => s.id)).toEqual([3, 4]);
    expect(filterSources(sources, { stages: ['eligible'] }, m).map((s) => s.id)).toEqual([3]);
    expect(filterSources(sources, { attribute: { name: 'year', values: ['2014', '2023'] } }, m).map((s) => s.id)).toEqual([1, 3]);
    expect(filterSources(sources, { waves: [1], stages: ['included'] }, m).map((s) => s.id)).toEqual([4]);
    expect(filterSources(sources, undefined, m)).toHaveLength(4);
  });
});
