// Team coding in real Chromium: a project is handed out as two copies, two coders code the same
// Persian source apart (each named by "Who is coding?"), the copies are merged back, the agreement
// view shows the figures this test works out itself from the passages it coded, a disagreement is
// adjudicated from its row (one click away from its passage in the reader), and Table 8 counts the
// consensus and says so.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../helpers/backend';
import { startApp, type App } from './harness';
import { LanguageSwitch } from './pages/language';
import { StartPage } from './pages/start-page';
import { TeamPage } from './pages/team-page';
import { WorkspacePage } from './pages/workspace-page';

let app: App;
let ws: WorkspacePage;
let team: TeamPage;
let original: string;
let copies: Record<string, string>;

const SOURCE = 'Account-based marketing (fa)';
const TRUST = 'اعتماد';
const COST = 'هزینه';
// Four passages of the source, each once in it; P2 and P3 sit side by side without overlapping.
const P1 = 'شاخص های ارزیابی موفقیت';
const P2 = 'سخت افزار و نرم افزار کامپیوتر';
const P3 = 'چند فروشنده برای تامین تجهیزات';
const P4 = 'نقش هر یک از این ارکان';
/** What each coder codes in their own copy. */
const CODING: Record<'Alice' | 'Bita', [phrase: string, concept: string][]> = {
  Alice: [[P1, TRUST], [P2, COST], [P4, TRUST]],
  Bita: [[P1, TRUST], [P3, COST], [P4, TRUST]],
};

beforeAll(async () => {
  app = await startApp();
  ws = new WorkspacePage(app.page);
  team = new TeamPage(app.page);
  await new StartPage(app.page).createProject('Team review');
  await ws.importFiles([path.join(EXAMPLES, `${SOURCE}.txt`)]);
  // The codebook both coders start from: one main category of the causal conditions, two concepts.
  const main = await team.call<{ id: number }>('category.create', { name: 'عوامل' });
  await team.call('component.assign', { categoryId: main.id, component: 'causal' });
  const ids: number[] = [];
  for (const label of [TRUST, COST]) ids.push((await team.call<{ id: number }>('concept.create', { label })).id);
  await team.call('category.fileConcepts', { categoryId: main.id, conceptIds: ids });
  original = (await team.call<{ path: string }>('project.current', {})).path;
});
afterAll(async () => {
  await app?.close();
});

/**
 * The passage level worked out here, not by the app: a passage of one coder agrees with the other's
 * passage of the same concept and the same text (overlap 100 %); the rest are units of one coder.
 */
function expectedOverlapFigures() {
  const a = CODING.Alice.map(([p, c]) => `${p}|${c}`);
  const b = CODING.Bita.map(([p, c]) => `${p}|${c}`);
  const units: { a: string; b: string }[] = [];
  for (const x of a) units.push({ a: x.split('|')[1]!, b: b.includes(x) ? x.split('|')[1]! : 'nothing' });
  for (const y of b) if (!a.includes(y)) units.push({ a: 'nothing', b: y.split('|')[1]! });
  const n = units.length;
  const po = units.filter((u) => u.a === u.b).length / n;
  const labels = new Set(units.flatMap((u) => [u.a, u.b]));
  let pe = 0;
  for (const k of labels) pe += (units.filter((u) => u.a === k).length / n) * (units.filter((u) => u.b === k).length / n);
  const q = 2 + 1; // two concepts compared, and "nothing"
  return { units: n, agree: po * n, percent: 100 * po, cohen: (po - pe) / (1 - pe), bp: (po - 1 / q) / (1 - 1 / q) };
}

describe('two coders, apart and together', () => {
  it('hands out a copy per coder, without passages', async () => {
    copies = await team.prepareCopies(['Alice', 'Bita']);
    expect(Object.keys(copies)).toEqual(['Alice', 'Bita']);
    expect(copies.Alice).toBe(path.join(path.dirname(original), 'Team review – Alice.groundwork'));
  });

  for (const coder of ['Alice', 'Bita'] as const) {
    it(`lets ${coder} code the Persian source in her own copy, named as its coder`, async () => {
      await team.openPath(copies[coder]!);
      const who = team.whoIsCoding();
      await who.waitFor();
      // The copy was prepared for her: her name is chosen already.
      await expect(who.getByRole('radio', { name: new RegExp(coder) }).isChecked()).resolves.toBe(true);
      await who.getByRole('button', { name: 'Code as this coder' }).click();
      await app.page.getByTestId('coder-chip').filter({ hasText: `Coder: ${coder}` }).waitFor();
      await ws.openSource(SOURCE);
      expect(await ws.reader.locator('.gw-seg').count()).toBe(0);
      for (const [phrase, concept] of CODING[coder]) {
        await ws.select(phrase);
        await ws.codeWith(concept);
      }
      await app.page.getByRole('button', { name: 'History' }).click();
      await expect.poll(() => app.page.getByRole('dialog', { name: 'History' }).innerText()).toContain(coder);
      await app.page.getByRole('button', { name: 'History' }).click();
    });
  }

  it('merges both copies back, each passage with its coder', async () => {
    await team.openPath(original);
    await team.whoIsCoding().getByRole('button', { name: 'Continue without a name' }).click();
    const alice = await team.merge(copies.Alice!);
    expect(alice.preview).toContain('brings 0 sources, 0 categories, 0 concepts and 3 passages');
    expect(alice.report).toContain('Merged Team review – Alice');
    await team.merge(copies.Bita!);
    const coders = await team.call<{ name: string; segmentCount: number }[]>('coder.list', {});
    expect(coders.map((c) => `${c.name} ${c.segmentCount}`)).toEqual(['Alice 3', 'Bita 3']);
  });

  it('shows every coder’s passages in the reader and the retrieved segments, or one coder’s only', async () => {
    await ws.openSource(SOURCE);
    const drawn = () =>
      app.page.evaluate(
        () => new Set([...document.querySelectorAll<HTMLElement>('.gw-reader-body span[data-segments]')].flatMap((e) => (e.dataset.segments ?? '').split(',').filter(Boolean))).size,
      );
    // The source is focused: the retrieved segments list its passages, read page by page for the coder shown.
    const retrieved = app.page.getByRole('region', { name: 'Retrieved segments' });
    const listed = () => retrieved.locator('.gw-panel-header .gw-muted').innerText();
    const coders = () => retrieved.locator('.gw-coder-name').allInnerTexts();
    await expect.poll(drawn).toBe(6);
    await expect.poll(listed).toBe('6 segments');
    await app.page.getByTestId('coder-chip').click();
    await app.page.getByRole('menu', { name: 'Team coding' }).getByRole('group', { name: 'Show passages of' }).getByRole('menuitemradio', { name: 'Bita' }).check();
    await expect.poll(drawn).toBe(3);
    await expect.poll(listed).toBe('3 segments');
    await expect.poll(async () => [...new Set(await coders())]).toEqual(['Bita']);
    await app.page.getByRole('menu', { name: 'Team coding' }).getByRole('group', { name: 'Show passages of' }).getByRole('menuitemradio', { name: 'Every coder' }).check();
    await expect.poll(drawn).toBe(6);
    await expect.poll(listed).toBe('6 segments');
    await app.page.getByTestId('coder-chip').click();
  });

  it('shows the agreement figures worked out independently, with what the level means', async () => {
    await team.menu('Intercoder agreement');
    const figures = app.page.getByTestId('agreement-figures');
    await figures.waitFor();
    await expect.poll(() => app.page.getByTestId('coder-a').inputValue()).not.toBe('');
    const expected = expectedOverlapFigures();
    // A coefficient below zero is written with the minus sign (U+2212), never a hyphen.
    const coefficient = (x: number) => x.toFixed(3).replace('-', '\u2212');
    const overall = figures.locator('tbody tr').first();
    await expect.poll(() => overall.locator('td').allInnerTexts()).toEqual([
      String(expected.units),
      String(expected.agree),
      `${expected.percent.toFixed(1)} %`,
      coefficient(expected.cohen),
      coefficient(expected.bp),
      '3',
    ]);
    expect(await app.page.getByTestId('level-explanation').innerText()).toContain('overlaps it by at least 90 %');
    // In the Persian interface: the same figures in Persian digits, the level explained in Persian.
    const language = new LanguageSwitch(app.page);
    await language.choose('fa');
    const persianDigits = (n: string) => n.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!).replace('.', '٫');
    await expect.poll(() => overall.locator('td').allInnerTexts()).toEqual([
      persianDigits(String(expected.units)),
      persianDigits(String(expected.agree)),
      `${persianDigits(expected.percent.toFixed(1))}٪`,
      persianDigits(coefficient(expected.cohen)),
      persianDigits(coefficient(expected.bp)),
      '۳',
    ]);
    expect(await app.page.getByTestId('level-explanation').innerText()).toContain('دست‌کم ۹۰ ٪');
    await language.choose('en');
    await app.page.getByRole('tab', { name: 'Concept presence per source' }).click();
    // Presence: both coders used both concepts in the one source: 2 of 2 units agree.
    await expect.poll(() => figures.locator('tbody tr').first().locator('td').first().innerText()).toBe('2');
    await app.page.getByRole('tab', { name: 'Passage overlap' }).click();
  });

  it('opens a disagreement’s passage in the reader with one click', async () => {
    const rows = app.page.getByTestId('disagreement');
    await expect.poll(() => rows.count()).toBe(2);
    await rows.filter({ hasText: P2 }).getByRole('button', { name: new RegExp(COST) }).click();
    await app.page.locator('.gw-reader-header h2', { hasText: SOURCE }).waitFor();
    // The passage is scrolled into view and flashes.
    const flashed = ws.reader.locator('span.gw-flash');
    await flashed.first().waitFor();
    expect((await flashed.allInnerTexts()).join('')).toBe(P2);
  });

  it('adjudicates the disagreements and builds the consensus; Table 8 counts it and says so', async () => {
    await team.menu('Intercoder agreement');
    const rows = app.page.getByTestId('disagreement');
    await rows.filter({ hasText: P2 }).getByRole('button', { name: 'A', exact: true }).click();
    await expect.poll(() => rows.filter({ hasText: P2 }).innerText()).toContain('Decided: coder A’s');
    await rows.filter({ hasText: P3 }).getByRole('button', { name: 'Neither' }).click();
    await expect.poll(() => rows.filter({ hasText: P3 }).innerText()).toContain('Decided: neither');
    await app.page.getByRole('button', { name: 'Accept the agreed passages into the consensus' }).click();
    await app.page.getByText('2 agreed passages went into the consensus.').waitFor();

    await app.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Table 8' }).click();
    const basis = app.page.getByTestId('count-basis');
    await basis.getByRole('combobox').selectOption('consensus');
    await expect.poll(() => app.page.getByTestId('count-basis-sentence').innerText()).toBe('Final codes count the consensus coding only.');
    // The consensus: the two passages both coded alike (P1, P4) and Alice's P2: three final codes.
    const causal = app.page.getByTestId('table8').locator('tr[data-component="causal"] td');
    await expect.poll(() => causal.allInnerTexts()).toEqual(['1', '2', '3']);
    await basis.getByRole('combobox').selectOption('all');
    await expect.poll(() => causal.allInnerTexts()).toEqual(['1', '2', '6']);
    await basis.getByRole('combobox').selectOption('consensus');
    await expect.poll(() => causal.allInnerTexts()).toEqual(['1', '2', '3']);
    expect(app.errors).toEqual([]);
  });
});
