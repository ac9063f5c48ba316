// Screening decisions, exclusion reasons, the live PRISMA 2020 figures (worked by hand below) and
// the corpus statistics, through the real backend; every decision is one undo step.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api/client';
import type { RecordSummary } from '../../../shared/domain/records';
import { shortCitation } from '../../../shared/domain/records';
import { importTexts, REPO, startBackend, toBase64, type TestBackend } from '../../helpers/backend';

let t: TestBackend;
let api: ApiClient;
let ris: RecordSummary[];

const importBib = (name: string) =>
  api.call('bibliography.import', { name, dataBase64: toBase64(fs.readFileSync(path.join(REPO, 'fixtures/bibliography', name))) });
const records = () => api.call('record.list', {});
const reason = async (name: string) => (await api.call('reason.list', {})).find((r) => r.name === name)!.id;

beforeEach(async () => {
  t = startBackend();
  api = t.api;
  await api.call('project.create', { name: 'Screening test' });
  await importTexts(api, { 'Interview A.txt': 'First interview.', 'Interview B.txt': 'Second interview.' });
  await importBib('zotero.ris'); // five records, none linked to these two texts
  ris = (await records()).filter((r) => r.origin === 'RIS: zotero.ris');
});
afterEach(() => t.cleanup());

describe('screening', () => {
  it('starts bibliography records as identified and sources imported alone as included', async () => {
    const list = await records();
    expect(list.filter((r) => r.stage === 'included').map((r) => r.title)).toEqual(['Interview A', 'Interview B']);
    expect(ris.map((r) => r.stage)).toEqual(['identified', 'identified', 'identified', 'identified', 'identified']);
  });

  it('computes the PRISMA 2020 figures from the live stages (worked by hand)', async () => {
    const [r1, r2, r3, r4] = ris.map((r) => r.id);
    // R1: identified → screened → eligible → included.
    for (let i = 0; i < 3; i += 1) await api.call('screening.decide', { ids: [r1!], decision: 'advance' });
    // R2: excluded at title/abstract screening.
    await api.call('screening.decide', { ids: [r2!], decision: 'exclude', reasonId: await reason('Off topic') });
    // R3: passes screening, excluded at full-text eligibility.
    await api.call('screening.decide', { ids: [r3!], decision: 'advance' });
    await api.call('screening.decide', { ids: [r3!], decision: 'exclude', reasonId: await reason('Full text not available') });
    // R4: passes screening, waits for its full-text assessment. R5 stays identified.
    await api.call('screening.decide', { ids: [r4!], decision: 'advance' });
    const list = await records();
    expect(list.find((r) => r.id === r2)).toMatchObject({ stage: 'excluded', excludedAt: 'screening', reasonName: 'Off topic' });
    expect(list.find((r) => r.id === r3)).toMatchObject({ stage: 'excluded', excludedAt: 'eligibility' });
    // 7 records (2 texts + 5 RIS). Screened: all but R5 = 6. Excluded at screening: R2 = 1.
    // Assessed for eligibility: 6 − 1 − R4 (waiting) = 4 (A, B, R1, R3). Excluded at eligibility: R3.
    // Included: A, B, R1 = 3 = 4 − 1. Awaiting a decision: R4 and R5.
    expect(await api.call('screening.prisma', {})).toEqual({
      origin: 'live',
      identified: 7,
      duplicatesRemoved: 0,
      screened: 6,
      excludedAtScreening: 1,
      assessedForEligibility: 4,
      excludedAtEligibility: [{ reason: 'Full text not available', count: 1 }],
      included: 3,
      awaiting: 2,
    });
  });

  it('decides on several records at once, as one undo step', async () => {
    const ids = ris.slice(0, 3).map((r) => r.id);
    const { changed } = await api.call('screening.decide', { ids, decision: 'include' });
    expect(changed).toBe(3);
    expect((await api.call('history.get', {})).undo?.label).toBe('Include 3 records');
    expect((await api.call('screening.prisma', {})).included).toBe(5);
    await api.call('history.undo', {});
    expect((await records()).filter((r) => ids.includes(r.id)).map((r) => r.stage)).toEqual(['identified', 'identified', 'identified']);
    expect((await api.call('screening.prisma', {})).included).toBe(2);
  });

  it('undoes an exclusion with its reason', async () => {
    await api.call('screening.decide', { ids: [ris[0]!.id], decision: 'exclude', reasonId: await reason('Language') });
    await api.call('history.undo', {});
    expect((await records()).find((r) => r.id === ris[0]!.id)).toMatchObject({ stage: 'identified', excludedAt: null, reasonId: null });
  });

  it('leaves no undo step for a decision that changes nothing', async () => {
    await api.call('screening.decide', { ids: [ris[0]!.id], decision: 'include' });
    const before = await api.call('history.get', {});
    expect(await api.call('screening.decide', { ids: [ris[0]!.id], decision: 'advance' })).toEqual({ changed: 0 });
    expect(await api.call('history.get', {})).toEqual(before);
  });

  it('refuses an exclusion without a reason', async () => {
    await expect(api.call('screening.decide', { ids: [ris[0]!.id], decision: 'exclude' })).rejects.toThrow(/Choose a reason/);
  });
});

describe('exclusion reasons', () => {
  it('adds, renames, and deletes a reason only while no record uses it', async () => {
    const added = await api.call('reason.create', { name: 'Not peer reviewed' });
    await expect(api.call('reason.create', { name: 'not peer reviewed' })).rejects.toThrow(/already an exclusion reason/);
    const renamed = await api.call('reason.rename', { id: added.id, name: 'Grey literature' });
    expect(renamed.name).toBe('Grey literature');
    await api.call('screening.decide', { ids: [ris[0]!.id], decision: 'exclude', reasonId: added.id });
    expect((await records()).find((r) => r.id === ris[0]!.id)!.reasonName).toBe('Grey literature');
    await expect(api.call('reason.delete', { id: added.id })).rejects.toThrow(/reason of 1 excluded record/);
    await api.call('screening.decide', { ids: [ris[0]!.id], decision: 'identified' });
    await api.call('reason.delete', { id: added.id });
    expect((await api.call('reason.list', {})).map((r) => r.name)).not.toContain('Grey literature');
  });
});

describe('records entered by hand', () => {
  it('adds a record without full text, and deletes it; a record with a source cannot be deleted alone', async () => {
    const record = await api.call('record.create', { title: 'Grey literature report', year: 2020, type: 'report' });
    expect(record).toMatchObject({ stage: 'identified', origin: 'entered by hand', documentId: null, year: 2020, type: 'report' });
    await api.call('record.delete', { id: record.id });
    expect((await records()).map((r) => r.id)).not.toContain(record.id);
    const withText = (await records()).find((r) => r.documentId !== null)!;
    await expect(api.call('record.delete', { id: withText.id })).rejects.toThrow(/delete the source instead/);
  });
});

describe('linking a record to a source by hand', () => {
  it('gives the record the source, replacing the source’s own record, as one undo step', async () => {
    const docs = await api.call('document.list', {});
    const a = docs.find((d) => d.name === 'Interview A')!;
    const linked = await api.call('record.link', { id: ris[0]!.id, documentId: a.id });
    expect(linked.documentId).toBe(a.id);
    const list = await records();
    expect(list.filter((r) => r.documentId === a.id).map((r) => r.id)).toEqual([ris[0]!.id]);
    expect(list.map((r) => r.title)).not.toContain('Interview A');
    expect((await api.call('screening.prisma', {})).identified).toBe(6);
    await expect(api.call('record.link', { id: ris[1]!.id, documentId: a.id })).rejects.toThrow(/already the full text of the record/);
    await api.call('history.undo', {});
    expect((await records()).find((r) => r.documentId === a.id)).toMatchObject({ title: 'Interview A', origin: 'file' });
  });
});

describe('record attributes and statistics', () => {
  it('edits attributes (undoable) and counts sources per stage, year and type', async () => {
    const a = (await records()).find((r) => r.title === 'Interview A')!;
    await api.call('record.update', { id: a.id, changes: { year: 2021, type: 'report', authors: [{ family: 'Rahimi', given: 'Sara' }] } });
    expect((await records()).find((r) => r.id === a.id)).toMatchObject({ year: 2021, type: 'report' });
    const stats = await api.call('corpus.stats', {});
    expect(stats.total).toBe(7);
    expect(stats.withText).toBe(2);
    expect(stats.byStage).toEqual([
      { stage: 'identified', count: 5 },
      { stage: 'screened', count: 0 },
      { stage: 'eligible', count: 0 },
      { stage: 'included', count: 2 },
      { stage: 'excluded', count: 0 },
    ]);
    expect(stats.byYear).toEqual([
      { year: 1388, count: 1 },
      { year: 2018, count: 1 },
      { year: 2019, count: 1 },
      { year: 2021, count: 1 },
      { year: 2022, count: 1 },
      { year: null, count: 2 },
    ]);
    expect(stats.byType).toEqual([
      { type: 'article', count: 3 },
      { type: 'report', count: 1 },
      { type: 'web page', count: 2 },
      { type: 'other', count: 1 },
    ]);
    await api.call('history.undo', {});
    expect((await records()).find((r) => r.id === a.id)).toMatchObject({ year: null, type: 'other', authors: [] });
  });

  it('writes short citations: family name, "et al." for three or more, Persian in Persian', () => {
    const [basl, colli, , , sohrabi] = ris;
    expect(shortCitation(basl!)).toBe('Basl & Doucek, 2019');
    expect(shortCitation(colli!, 170)).toBe('Colli et al., 2018, p. 170');
    expect(shortCitation(sohrabi!)).toBe('سهرابی و همکاران، ۱۳۸۸');
    expect(shortCitation({ authors: [], year: null, title: 'Interview A' })).toBe('Interview A, n.d.');
  });
});
