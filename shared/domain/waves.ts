// Waves of literature and the filters of the analysis views, as pure rules over sources and their
// records. A wave is a rule (import batch, publication-year range, or a record attribute), never a
// stored list, so a source joins every wave it fits as it is imported or dated; a source may sit
// in several waves, and the first wave (by position) is the one a passage is reported under.

import type { DocumentId } from './ids';
import { matchKey } from './normalize';
import { say, type Message } from './message';
import type { RecordType, Stage } from './records';

/** The record attributes a wave or a filter may test (besides the publication year). */
export const WAVE_ATTRIBUTES = ['type', 'language', 'venue', 'stage', 'keyword'] as const;
export type RecordAttribute = (typeof WAVE_ATTRIBUTES)[number];
/** A record attribute, or the name of a free-form source attribute (an exchange file's variable). */
export type WaveAttribute = RecordAttribute | (string & {});

export type WaveRule =
  | { kind: 'batch'; batches: string[] }
  /** Publication years from..to, both included; null leaves that end open. */
  | { kind: 'years'; from: number | null; to: number | null }
  | { kind: 'attribute'; attribute: WaveAttribute; value: string };

export interface Wave {
  id: number;
  name: string;
  /** 1 for the first wave. */
  position: number;
  rule: WaveRule;
}

/** A source as waves, filters and the analysis views see it: the document and its record. */
export interface AnalysisSource {
  id: DocumentId;
  name: string;
  /** The import batch key (db: document.import_batch); null when unknown. */
  importBatch: string | null;
  importedAt: string;
  year: number | null;
  type: RecordType | null;
  language: string;
  venue: string;
  stage: Stage | null;
  keywords: string[];
  /** Free-form attributes (an exchange file's variables, sets, cases): name → value. */
  attributes: Record<string, string>;
}

export interface ImportBatch {
  key: string;
  /** When its first source was imported. */
  importedAt: string;
  sources: DocumentId[];
  names: string[];
}

/** The attributes the crosstab and the filters offer: a record's, the year, and the wave. */
export const SOURCE_ATTRIBUTES = ['year', 'type', 'language', 'venue', 'stage', 'wave'] as const;
/** The built-in attributes, or the name of a free-form source attribute. */
export type SourceAttribute = (typeof SOURCE_ATTRIBUTES)[number] | (string & {});

export interface SourceFilter {
  /** Sources in any of these waves (ids); none given: any source. */
  waves?: number[];
  stages?: Stage[];
  /** A record attribute equal to one of the values (years as text); 'keyword': any keyword. */
  attribute?: { name: WaveAttribute | 'year'; values: string[] };
}

/** Refuses a rule that cannot select anything sensible, with the reason. */
export function waveRuleProblem(rule: WaveRule): Message | null {
  switch (rule.kind) {
    case 'batch':
      return rule.batches.length === 0 ? say('Choose at least one import batch for the wave.') : null;
    case 'years': {
      if (rule.from === null && rule.to === null) return say('Give the first or the last publication year of the wave (or both).');
      for (const y of [rule.from, rule.to]) if (y !== null && !(Number.isInteger(y) && y >= 1 && y <= 9999)) return say('A year is a whole number from 1 to 9999 ({year} is not).', { year: y });
      if (rule.from !== null && rule.to !== null && rule.from > rule.to) return say('The wave’s years run backwards ({fromYear} to {toYear}).', { fromYear: rule.from, toYear: rule.to });
      return null;
    }
    case 'attribute':
      return matchKey(rule.value) === '' ? say('Give the {attribute} the wave’s sources have.', { attribute: ATTRIBUTE_NAMES[rule.attribute] ?? rule.attribute }) : null;
  }
}

/** A record attribute as a sentence names it (a free-form attribute: its own name). */
const ATTRIBUTE_NAMES: Record<string, Message> = {
  type: say('type'),
  language: say('language'),
  venue: say('venue'),
  stage: say('stage'),
  keyword: say('keyword'),
  year: say('year'),
};

const same = (a: string, b: string) => matchKey(a) === matchKey(b);

/** The value(s) of an attribute, as text: a record field's, else a free-form attribute's of that name. */
export function attributeValues(source: AnalysisSource, attribute: WaveAttribute | 'year'): string[] {
  switch (attribute) {
    case 'year':
      return source.year === null ? [] : [String(source.year)];
    case 'type':
      return source.type ? [source.type] : [];
    case 'language':
      return source.language ? [source.language] : [];
    case 'venue':
      return source.venue ? [source.venue] : [];
    case 'stage':
      return source.stage ? [source.stage] : [];
    case 'keyword':
      return source.keywords;
    default: {
      const value = source.attributes[attribute];
      return value === undefined || value === '' ? [] : [value];
    }
  }
}

/** The free-form attribute names the sources have, sorted. */
export const freeAttributeNames = (sources: readonly AnalysisSource[]) => [...new Set(sources.flatMap((s) => Object.keys(s.attributes)))].sort();

export function inWave(rule: WaveRule, source: AnalysisSource): boolean {
  switch (rule.kind) {
    case 'batch':
      return source.importBatch !== null && rule.batches.includes(source.importBatch);
    case 'years':
      return source.year !== null && (rule.from === null || source.year >= rule.from) && (rule.to === null || source.year <= rule.to);
    case 'attribute':
      return attributeValues(source, rule.attribute).some((v) => same(v, rule.value));
  }
}

/** Per source, the ids of the waves it belongs to, in wave order. */
export function waveMembership(waves: readonly Wave[], sources: readonly AnalysisSource[]): Map<number, number[]> {
  const ordered = [...waves].sort((a, b) => a.position - b.position || a.id - b.id);
  return new Map(sources.map((s) => [s.id, ordered.filter((w) => inWave(w.rule, s)).map((w) => w.id)]));
}

/** The sources a filter keeps (all, without a filter). */
export function filterSources(sources: readonly AnalysisSource[], filter: SourceFilter | undefined, membership: Map<number, number[]>): AnalysisSource[] {
  if (!filter) return [...sources];
  return sources.filter((s) => {
    if (filter.waves?.length && !(membership.get(s.id) ?? []).some((w) => filter.waves!.includes(w))) return false;
    if (filter.stages?.length && !(s.stage !== null && filter.stages.includes(s.stage))) return false;
    const a = filter.attribute;
    if (a && a.values.length > 0 && !attributeValues(s, a.name).some((v) => a.values.some((w) => same(v, w)))) return false;
    return true;
  });
}

/** Import batches, oldest first, from the sources that came in with them. */
export function importBatches(sources: readonly AnalysisSource[]): ImportBatch[] {
  const byKey = new Map<string, ImportBatch>();
  for (const s of [...sources].sort((a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.id - b.id))) {
    if (s.importBatch === null) continue;
    const batch = byKey.get(s.importBatch);
    if (batch) {
      batch.sources.push(s.id);
      batch.names.push(s.name);
    } else byKey.set(s.importBatch, { key: s.importBatch, importedAt: s.importedAt, sources: [s.id], names: [s.name] });
  }
  return [...byKey.values()];
}

/** The rule in words (English; the renderer writes its own). */
export function describeWaveRule(rule: WaveRule, batches: readonly ImportBatch[] = []): string {
  switch (rule.kind) {
    case 'batch': {
      const n = rule.batches.reduce((sum, key) => sum + (batches.find((b) => b.key === key)?.sources.length ?? 0), 0);
      return `Imported in ${rule.batches.length} batch${rule.batches.length === 1 ? '' : 'es'} (${n} source${n === 1 ? '' : 's'})`;
    }
    case 'years':
      return rule.from !== null && rule.to !== null
        ? `Published ${rule.from}–${rule.to}`
        : rule.from !== null
          ? `Published in ${rule.from} or later`
          : `Published in ${rule.to} or earlier`;
    case 'attribute':
      return `${rule.attribute[0]!.toUpperCase()}${rule.attribute.slice(1)}: ${rule.value}`;
  }
}
