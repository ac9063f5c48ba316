// The hand-worked extension used by the evolution tests (the same model as
// test/shared/domain/evolution.test.ts, built through the API): a first wave of three sources,
// a baseline, then a second wave that adds a concept in a new main category, reinforces another,
// while one concept moves to another component.
//
// Baseline: Drivers (causal) ⊃ Economic; Actions (strategies). Trust → Drivers, Cost → Economic,
// Speed → Actions. Passages: Trust 3 (S1 ×2, S2), Cost 2 (S2, S3), Speed 1 (S3).
// Maturity: Leadership ← Drivers (Trust, Cost); Process ← Actions (Speed).
// Then: S5, S6 imported together; Trust +2 (S5), Platform new (S5, S6) filed in the new main
// category Enablers (context); Speed moved from Actions to Economic.

import type { ApiClient } from '../../shared/api/client';
import type { DocumentId } from '../../shared/domain/ids';
import { toBase64 } from './backend';

export const TEXTS = {
  S1: 'Trust matters first.\nTrust again, in a second paragraph.\nNothing else here.',
  S2: 'Trust and cost go together.\nCost is high.',
  S3: 'Cost again.\nSpeed counts as well.',
  S5: 'Trust in the platform.\nTrust grows with the platform.\nA platform brings speed.',
  S6: 'The platform economy.',
};

export type Ids = Record<string, number>;

const range = (text: string, phrase: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i += 1) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`"${phrase}" (#${nth}) is not in the text`);
  return { start: at, end: at + phrase.length };
};

async function importBatch(api: ApiClient, names: (keyof typeof TEXTS)[]): Promise<Record<string, DocumentId>> {
  const results = await api.call('document.import', { files: names.map((n) => ({ name: `${n}.txt`, dataBase64: toBase64(TEXTS[n]) })) });
  return Object.fromEntries(results.map((r, i) => [names[i]!, r.document!.id]));
}

export interface Built {
  sources: Record<string, DocumentId>;
  concepts: Ids;
  categories: Ids;
  baselineId: number;
  waves: Ids;
  /** Segment ids in the order they were coded. */
  passages: number[];
}

/** Builds the first wave, freezes the baseline "Before"; `extend` then adds the second wave. */
export async function buildFirstWave(api: ApiClient): Promise<Built> {
  await api.call('project.create', { name: 'Evolution test' });
  const sources = await importBatch(api, ['S1', 'S2', 'S3']);
  const passages: number[] = [];
  const code = async (source: keyof typeof TEXTS, phrase: string, nth: number, concept: number | string) => {
    const input = typeof concept === 'number' ? { conceptId: concept } : { newConcept: { label: concept } };
    const s = await api.call('segment.code', { documentId: sources[source]!, ...range(TEXTS[source], phrase, nth), ...input });
    passages.push(s.id);
    return s.conceptId as number;
  };
  const trust = await code('S1', 'Trust', 0, 'Trust');
  await code('S1', 'Trust', 1, trust);
  await code('S2', 'Trust', 0, trust);
  const cost = await code('S2', 'cost', 0, 'Cost');
  await code('S3', 'Cost', 0, cost);
  const speed = await code('S3', 'Speed', 0, 'Speed');

  const drivers = (await api.call('category.create', { name: 'Drivers' })).id;
  const economic = (await api.call('category.create', { name: 'Economic', parentId: drivers })).id;
  const actions = (await api.call('category.create', { name: 'Actions' })).id;
  await api.call('component.assign', { categoryId: drivers, component: 'causal' });
  await api.call('component.assign', { categoryId: actions, component: 'strategies' });
  await api.call('category.fileConcepts', { categoryId: drivers, conceptIds: [trust] });
  await api.call('category.fileConcepts', { categoryId: economic, conceptIds: [cost] });
  await api.call('category.fileConcepts', { categoryId: actions, conceptIds: [speed] });

  let model = await api.call('maturity.addDimension', { labelEn: 'Leadership', labelFa: 'رهبری' });
  const leadership = model.dimensions.at(-1)!.id;
  model = await api.call('maturity.addDimension', { labelEn: 'Process', labelFa: 'فرایند' });
  const process = model.dimensions.at(-1)!.id;
  await api.call('maturity.mapCategory', { dimensionId: leadership, categoryId: drivers, mapped: true });
  await api.call('maturity.mapCategory', { dimensionId: process, categoryId: actions, mapped: true });

  const batches = (await api.call('wave.list', {})).batches;
  const published = (await api.call('wave.create', { name: 'Published', rule: { kind: 'batch', batches: batches.map((b) => b.key) } })).id;
  const baselineId = (await api.call('baseline.freeze', { name: 'Before' })).id;
  return {
    sources,
    concepts: { trust, cost, speed },
    categories: { drivers, economic, actions },
    baselineId,
    waves: { published },
    passages,
  };
}

export async function extend(api: ApiClient, built: Built): Promise<Built> {
  const more = await importBatch(api, ['S5', 'S6']);
  const sources = { ...built.sources, ...more };
  const passages = [...built.passages];
  const code = async (source: keyof typeof TEXTS, phrase: string, nth: number, concept: number | string) => {
    const input = typeof concept === 'number' ? { conceptId: concept } : { newConcept: { label: concept } };
    const s = await api.call('segment.code', { documentId: sources[source]!, ...range(TEXTS[source], phrase, nth), ...input });
    passages.push(s.id);
    return s.conceptId as number;
  };
  const { trust, speed } = built.concepts as { trust: number; speed: number };
  await code('S5', 'Trust', 0, trust);
  await code('S5', 'Trust', 1, trust);
  const platform = await code('S5', 'platform', 0, 'Platform');
  await code('S6', 'platform', 0, platform);
  const enablers = (await api.call('category.create', { name: 'Enablers' })).id;
  await api.call('component.assign', { categoryId: enablers, component: 'context' });
  await api.call('category.fileConcepts', { categoryId: enablers, conceptIds: [platform] });
  await api.call('category.fileConcepts', { categoryId: built.categories.economic!, conceptIds: [speed], fromCategoryId: built.categories.actions! });
  const batches = (await api.call('wave.list', {})).batches;
  const newBatch = batches.find((b) => b.sources.includes(more.S5!))!.key;
  const wave = (await api.call('wave.create', { name: 'New', rule: { kind: 'batch', batches: [newBatch] } })).id;
  return {
    ...built,
    sources,
    concepts: { ...built.concepts, platform },
    categories: { ...built.categories, enablers },
    waves: { ...built.waves, new: wave },
    passages,
  };
}
