// Intercoder agreement through the backend on a hand-worked example (the figures below are worked
// out by hand in the comments, not by the code under test), adjudication into the consensus coding,
// and Table 8 counting the consensus, every coder or one coder, saying which.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api/client';
import type { CoderId, ConceptId, DocumentId } from '../../../shared/domain/ids';
import { importTexts, startBackend, type TestBackend } from '../../helpers/backend';

let t: TestBackend;
let api: ApiClient;
let doc: DocumentId;
const concept: Record<'X' | 'Y' | 'Z', ConceptId> = {} as never;
let alice: CoderId;
let bita: CoderId;

/** 840 letters, no spaces: every range codes exactly as given. */
const TEXT = 'کدگذاری'.repeat(120);

async function codeAs(name: string, ranges: [keyof typeof concept, number, number][]) {
  const session = await api.call('coder.use', { name });
  for (const [c, start, end] of ranges) await api.call('segment.code', { documentId: doc, start, end, conceptId: concept[c] });
  return session.coder!.id;
}

beforeEach(async () => {
  t = startBackend();
  api = t.api;
  await api.call('project.create', { name: 'Agreement' });
  const [imported] = await importTexts(api, { 'source.txt': TEXT });
  doc = imported!.document!.id;
  const main = await api.call('category.create', { name: 'Conditions' });
  await api.call('component.assign', { categoryId: main.id, component: 'causal' });
  for (const label of ['X', 'Y', 'Z'] as const) concept[label] = (await api.call('concept.create', { label })).id;
  await api.call('category.fileConcepts', { categoryId: main.id, conceptIds: Object.values(concept) });
  // Alice: X [0,100), Y [200,300), X [400,500). Bita: X [0,95), Y [200,250), Z [600,700).
  alice = await codeAs('Alice', [['X', 0, 100], ['Y', 200, 300], ['X', 400, 500]]);
  bita = await codeAs('Bita', [['X', 0, 95], ['Y', 200, 250], ['Z', 600, 700]]);
});
afterEach(() => t.cleanup());

const close = (x: number | null | undefined, y: number) => expect(x).toBeCloseTo(y, 10);

describe('intercoder agreement at three levels', () => {
  it('gives the hand-worked figures', async () => {
    const view = await api.call('agreement.compute', { coderA: alice, coderB: bita });
    expect(view.sources.map((s) => s.id)).toEqual([doc]);
    expect(view.concepts.map((c) => c.label)).toEqual(['X', 'Y', 'Z']);

    // Presence: X both, Y both, Z only Bita → 2 of 3 agree. A = (1,1,0), B = (1,1,1):
    // pe = (2/3)(3/3) + (1/3)(0) = 2/3 → κ = 0; Brennan & Prediger (q = 2): (2/3 − 1/2)/(1/2) = 1/3;
    // α: coincidences o11 = 4, o01 = o10 = 1, n = 6, n1 = 5, n0 = 1: D = 2/6, E = 2·5·1/(6·5) = 1/3 → α = 0.
    const presence = view.report.presence.overall;
    expect([presence.units, presence.agreements]).toEqual([3, 2]);
    close(presence.percent, 200 / 3);
    close(presence.cohenKappa.value, 0);
    close(presence.brennanPrediger.value, 1 / 3);
    close(presence.krippendorffAlpha!.value, 0);
    expect(view.report.presence.disagreements).toMatchObject([{ conceptId: concept.Z, countA: 0, countB: 1 }]);

    // Frequency: X 2 vs 1, Y 1 vs 1, Z 0 vs 1 → 1 of 3.
    expect([view.report.frequency.overall.units, view.report.frequency.overall.agreements]).toEqual([3, 1]);

    // Overlap (90 %): X [0,100) × X [0,95) share 0.95 → a pair; Y [0,…) × Y share 50/100 = 0.5 → apart.
    // Units A/B: (X,X) (Y,–) (–,Y) (X,–) (–,Z): 1 of 5. Cohen: A X2 Y1 –2, B X1 Y1 –2 Z1:
    // pe = (2·1 + 1·1 + 2·2)/25 = 7/25 → κ = (5/25 − 7/25)/(18/25) = −1/9; B&P q = 4: (0.2 − 0.25)/0.75 = −1/15.
    const overlap = view.report.overlap.overall;
    expect([overlap.units, overlap.agreements, overlap.categories]).toEqual([5, 1, 4]);
    close(overlap.percent, 20);
    close(overlap.cohenKappa.value, -1 / 9);
    close(overlap.brennanPrediger.value, -1 / 15);
    expect(view.report.overlap.disagreements).toHaveLength(4);
    expect(view.report.overlap.explanation).toMatch(/at least 90 %/);

    // At 50 % the two Y passages agree too: 2 of 4 units.
    const loose = await api.call('agreement.compute', { coderA: alice, coderB: bita, minOverlap: 0.5 });
    expect([loose.report.overlap.overall.units, loose.report.overlap.overall.agreements]).toEqual([4, 2]);
  });

  it('exports the figures as CSV and as a spreadsheet', async () => {
    const csv = await api.call('agreement.export', { agreement: { coderA: alice, coderB: bita }, format: 'csv' });
    const lines = Buffer.from(csv.dataBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('level,concept,units,agreements,percent,cohen_kappa,brennan_prediger_kappa,q,krippendorff_alpha,percent_where_used,note');
    expect(lines[1]).toMatch(/^presence,\(all\),3,2,66\.6667,0,0\.3333,2,0,66\.6667,/);
    expect(lines.find((l) => l.startsWith('overlap,(all)'))).toMatch(/^overlap,\(all\),5,1,20,-0\.1111,-0\.0667,4,,,/);
    const xlsx = await api.call('agreement.export', { agreement: { coderA: alice, coderB: bita }, format: 'xlsx' });
    const { default: Excel } = await import('exceljs');
    const book = new Excel.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.dataBase64, 'base64') as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Agreement', 'Disagreements', 'About']);
    expect(book.getWorksheet('Disagreements')!.rowCount).toBe(1 + 1 + 2 + 4);
  });

  it('refuses the same coder twice and a share out of range', async () => {
    await expect(api.call('agreement.compute', { coderA: alice, coderB: alice })).rejects.toThrow('Choose two different coders.');
    await expect(api.call('agreement.compute', { coderA: alice, coderB: bita, minOverlap: 0 })).rejects.toThrow('more than 0 %');
  });
});

describe('adjudication and the consensus in Table 8', () => {
  it('builds the consensus from agreements and decisions, and Table 8 counts what the user chooses', async () => {
    const counts = () => api.call('counts.paradigm', {});
    expect((await counts()).totals.finalCodes).toBe(6);
    expect((await counts()).countBasis).toEqual({ kind: 'all', coderName: null });
    await expect(api.call('counts.setBasis', { basis: { kind: 'consensus' } })).rejects.toThrow(/no consensus coding yet/);

    const accepted = await api.call('adjudication.acceptAgreements', { coderA: alice, coderB: bita });
    expect(accepted).toEqual({ added: 1, alreadyThere: 0 });
    const view = await api.call('agreement.compute', { coderA: alice, coderB: bita });
    const y = view.report.overlap.disagreements.filter((d) => d.level === 'overlap' && (d.passageA?.conceptId === concept.Y || d.passageB?.conceptId === concept.Y));
    expect(y).toHaveLength(2);
    // Alice's Y is taken; Bita's shorter Y is rejected; Bita's Z is taken; Alice's second X is not.
    const aliceY = y.find((d) => d.level === 'overlap' && d.passageA)!;
    const bitaY = y.find((d) => d.level === 'overlap' && d.passageB)!;
    if (aliceY.level !== 'overlap' || bitaY.level !== 'overlap') throw new Error('passage level expected');
    await api.call('adjudication.decide', { passagesA: [aliceY.passageA!.id], passagesB: [bitaY.passageB!.id], verdict: 'a' });
    const z = view.report.overlap.disagreements.find((d) => d.level === 'overlap' && d.passageB?.conceptId === concept.Z)!;
    if (z.level !== 'overlap') throw new Error('passage level expected');
    const decided = await api.call('adjudication.decide', { passagesA: [], passagesB: [z.passageB!.id], verdict: 'b' });
    expect(decided.consensusPassages).toBe(3);
    const x2 = view.report.overlap.disagreements.find((d) => d.level === 'overlap' && d.passageA?.start === 400)!;
    if (x2.level !== 'overlap') throw new Error('passage level expected');
    await api.call('adjudication.decide', { passagesA: [x2.passageA!.id], passagesB: [], verdict: 'neither' });

    const after = await api.call('agreement.compute', { coderA: alice, coderB: bita });
    expect(after.verdicts[aliceY.passageA!.id]).toBe('accepted');
    expect(after.verdicts[bitaY.passageB!.id]).toBe('rejected');
    expect(after.verdicts[x2.passageA!.id]).toBe('rejected');

    await api.call('counts.setBasis', { basis: { kind: 'consensus' } });
    expect((await counts()).totals.finalCodes).toBe(3);
    expect((await counts()).countBasis).toEqual({ kind: 'consensus', coderName: null });
    const consensus = (await api.call('segment.list', { scope: { kind: 'all' } })).filter((s) => s.coderName === 'Consensus');
    expect(consensus.map((s) => `${s.conceptLabel} ${s.start}-${s.end}`).sort()).toEqual(['X 0-100', 'Y 200-300', 'Z 600-700']);

    await api.call('counts.setBasis', { basis: { kind: 'coder', coderId: bita } });
    expect(await counts()).toMatchObject({ totals: { finalCodes: 3 }, countBasis: { kind: 'coder', coderName: 'Bita' } });
    await api.call('counts.setBasis', { basis: { kind: 'all' } });
    expect((await counts()).totals.finalCodes).toBe(6);

    // A decision changed: Bita's Y instead of Alice's. The consensus holds one Y, Bita's.
    await api.call('adjudication.decide', { passagesA: [aliceY.passageA!.id], passagesB: [bitaY.passageB!.id], verdict: 'b' });
    const ys = (await api.call('segment.list', { scope: { kind: 'all' } })).filter((s) => s.coderName === 'Consensus' && s.conceptLabel === 'Y');
    expect(ys.map((s) => `${s.start}-${s.end}`)).toEqual(['200-250']);
    // and each decision is one undo step
    await api.call('history.undo', {});
    const back = (await api.call('segment.list', { scope: { kind: 'all' } })).filter((s) => s.coderName === 'Consensus' && s.conceptLabel === 'Y');
    expect(back.map((s) => `${s.start}-${s.end}`)).toEqual(['200-300']);
  });
});
