// The history in the Persian interface: every label the real backend writes, for every kind of
// step, is shown in Persian with the names kept as they were; English shows the label as stored.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../../shared/api/client';
import type { CategoryId, ConceptId, DocumentId, SegmentId } from '../../../../shared/domain/ids';
import { historyLabel } from '../../../../renderer/features/history/history-label';
import { fa } from '../../../../renderer/i18n/fa';
import { setLanguage } from '../../../../renderer/i18n/t';
import { importTexts, readExample, startBackend, type TestBackend } from '../../../helpers/backend';

let backend: TestBackend;
let api: ApiClient;
let labels: string[];

beforeAll(async () => {
  backend = startBackend();
  api = backend.api;
  await api.call('project.create', { name: 'History labels' });
  const [one] = await importTexts(api, { 'Guide (fa).txt': readExample('B2B marketing guide (fa).txt') });
  await importTexts(api, { 'a.txt': 'First text.', 'b.txt': 'Second text.' });
  const documentId = one!.document!.id as DocumentId;
  const code = (start: number, how: object) => api.call('segment.code', { documentId, start, end: start + 5, ...how } as never);
  const s1 = (await code(0, { newConcept: { label: 'بودجه' } })) as { id: SegmentId; conceptId: ConceptId };
  await code(10, { newConcept: { inVivo: true } });
  await code(20, { conceptId: s1.conceptId });
  const c2 = await api.call('concept.create', { label: 'KPI' });
  await api.call('concept.update', { id: c2.id, label: 'شاخص' });
  await api.call('concept.update', { id: c2.id, color: '#123456' });
  const main = await api.call('category.create', { name: 'راهبرد', parentId: null });
  const other = await api.call('category.create', { name: 'پیامد', parentId: null });
  const sub = await api.call('category.create', { name: 'زیر', parentId: main.id as CategoryId });
  await api.call('category.update', { id: other.id, name: 'پیامدها' });
  await api.call('category.update', { id: other.id, color: '#654321' });
  await api.call('category.fileConcepts', { categoryId: main.id, conceptIds: [s1.conceptId] });
  await api.call('category.fileConcepts', { categoryId: other.id, conceptIds: [s1.conceptId], fromCategoryId: main.id });
  await api.call('category.fileConcepts', { categoryId: main.id, conceptIds: [s1.conceptId, c2.id] });
  await api.call('category.fileConcepts', { categoryId: sub.id, conceptIds: [s1.conceptId, c2.id], fromCategoryId: main.id });
  await api.call('category.unfileConcepts', { categoryId: sub.id, conceptIds: [c2.id] });
  await api.call('category.unfileConcepts', { categoryId: sub.id, conceptIds: [s1.conceptId] });
  await api.call('category.move', { id: sub.id, parentId: other.id });
  await api.call('category.move', { id: sub.id, parentId: null });
  await api.call('component.assign', { categoryId: main.id, component: 'strategies' });
  await api.call('component.assign', { categoryId: main.id, component: null });
  await api.call('memo.set', { target: { kind: 'component', key: 'causal' }, text: 'x' });
  await api.call('memo.set', { target: { kind: 'concept', id: c2.id }, text: 'x' });
  await api.call('memo.set', { target: { kind: 'category', id: main.id }, text: 'x' });
  await api.call('memo.set', { target: { kind: 'document', id: documentId }, text: 'x' });
  await api.call('memo.set', { target: { kind: 'segment', id: s1.id }, text: 'x' });
  await api.call('segment.uncode', { id: s1.id });
  await api.call('document.rename', { id: documentId, name: 'راهنما' });
  await api.call('category.delete', { id: sub.id });
  await api.call('concept.delete', { id: s1.conceptId });
  await api.call('concept.delete', { id: c2.id });
  const docs = await api.call('document.list', {});
  await api.call('document.delete', { id: docs.find((d) => d.name !== 'راهنما')!.id });
  labels = (await api.call('history.get', {})).entries.map((e) => e.label);
});
afterAll(async () => {
  setLanguage('en');
  await backend?.cleanup();
});

describe('history labels in the Persian interface', () => {
  it('has met many kinds of step', () => {
    expect(labels.length).toBeGreaterThanOrEqual(30);
  });

  it('shows every label the backend wrote in Persian, keeping the names', () => {
    setLanguage('fa', fa);
    const untranslated = labels.filter((label) => {
      const persian = historyLabel(label);
      // What remains in Latin letters must be a name from the label, never a word of the template.
      const leftover = persian.replace(/[\u2068\u2069]/g, '').match(/[A-Za-z][A-Za-z-]+/g) ?? [];
      const names = [...label.matchAll(/[“"]([^”"]*)[”"]/g)].map((m) => m[1]!).join(' ');
      return persian === label || !/[\u0600-\u06FF]/.test(persian) || leftover.some((word) => !names.includes(word));
    });
    expect(untranslated).toEqual([]);
    expect(historyLabel('Place “راهبرد” in Strategies')).toBe('قرار دادن «\u2068راهبرد\u2069» در \u2068راهبردها\u2069');
    expect(historyLabel('Import 2 sources')).toBe('وارد کردن ۲ منبع');
  });

  it('leaves a label of an unknown form, and every label in English, as stored but for isolates', () => {
    setLanguage('fa', fa);
    expect(historyLabel('Merge concepts “a” and “b”')).toBe('Merge concepts “a” and “b”');
    setLanguage('en');
    for (const label of labels) expect(historyLabel(label).replace(/[\u2068\u2069]/g, '')).toBe(label);
  });

  it('isolates a Persian name in an English step, so the time after it keeps its place', () => {
    setLanguage('en');
    expect(historyLabel('Create main category “سنجش عملکرد”')).toBe('Create main category “\u2068سنجش عملکرد\u2069”');
    expect(historyLabel('Create main category “Measurement”')).toBe('Create main category “Measurement”');
  });
});
