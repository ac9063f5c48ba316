// Takes the README's team-coding screenshots (`npm run screenshots`): two coders' copies of one
// project coded apart and merged through the backend, then, in English and in Persian, the
// agreement view with its disagreements, the merge dialog with a conflict, "Who is coding?", the
// coder menu and Table 8 counting the consensus.

import path from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { EXAMPLES, REPO } from '../../helpers/backend';
import { startApp, type App } from '../harness';
import { StartPage } from '../pages/start-page';
import { TeamPage } from '../pages/team-page';
import { WorkspacePage } from '../pages/workspace-page';

const OUT = path.join(REPO, 'test/e2e/screenshots');
const SOURCE = 'Account-based marketing (fa)';
let app: App;
let team: TeamPage;
let original: string;
let copies: Record<string, string>;

const PHRASES = {
  p1: 'شاخص های ارزیابی موفقیت',
  p2: 'سخت افزار و نرم افزار کامپیوتر',
  p3: 'چند فروشنده برای تامین تجهیزات',
  p4: 'نقش هر یک از این ارکان',
  p5: 'کمپین با رویکرد استراتژی',
};

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 900 } });
  team = new TeamPage(app.page);
  await new StartPage(app.page).createProject('Team review');
  await new WorkspacePage(app.page).importFiles([path.join(EXAMPLES, `${SOURCE}.txt`)]);
  const main = await team.call<{ id: number }>('category.create', { name: 'عوامل سازمانی' });
  await team.call('component.assign', { categoryId: main.id, component: 'causal' });
  const ids: number[] = [];
  for (const label of ['اعتماد', 'هزینه', 'کمپین']) ids.push((await team.call<{ id: number }>('concept.create', { label })).id);
  await team.call('category.fileConcepts', { categoryId: main.id, conceptIds: ids });
  original = (await team.call<{ path: string }>('project.current', {})).path;
  const made = await team.call<{ files: { coder: string; path: string }[] }>('project.prepareCopies', { coders: ['Alice', 'Bita', 'Sara'] });
  copies = Object.fromEntries(made.files.map((f) => [f.coder, f.path]));
  const text = (await team.call<{ text: string }>('document.get', { id: 1 })).text;
  const code = async (phrase: string, label: string, extend = 0) => {
    const start = text.indexOf(phrase);
    const concepts = await team.call<{ concepts: { id: number; label: string }[] }>('codebook.get', {});
    await team.call('segment.code', { documentId: 1, start, end: start + phrase.length + extend, conceptId: concepts.concepts.find((c) => c.label === label)!.id });
  };
  await team.call('project.open', { path: copies.Alice });
  await team.call('coder.use', { name: 'Alice' });
  await code(PHRASES.p1, 'اعتماد');
  await code(PHRASES.p2, 'هزینه');
  await code(PHRASES.p4, 'اعتماد');
  await code(PHRASES.p5, 'کمپین');
  await team.call('concept.update', { id: 3, label: 'کمپین هدفمند' });
  await team.call('project.open', { path: copies.Bita });
  await team.call('coder.use', { name: 'Bita' });
  await code(PHRASES.p1, 'اعتماد');
  await code(PHRASES.p3, 'هزینه');
  await code(PHRASES.p4, 'اعتماد', 6);
  await code(PHRASES.p5, 'اعتماد');
  await team.call('concept.update', { id: 3, label: 'کمپین حساب‌محور' });
  await team.call('project.open', { path: original });
  await team.call('coder.use', { coderId: null });
  await team.call('merge.apply', { path: copies.Alice, resolutions: [] });
  await app.page.reload();
  await app.page.locator('.gw-topbar').waitFor();
});
afterAll(async () => {
  await app?.close();
});

const settle = async () => {
  await app.page.evaluate(() => document.fonts.ready);
  await app.page.waitForTimeout(300);
};

/** The agreement view, from the coder menu (its fourth item), in either language. */
async function openAgreement() {
  await app.page.getByTestId('coder-chip').click();
  await app.page.locator('.gw-coder-popup [role="menuitem"]').nth(3).click();
}

async function persian(on: boolean) {
  await app.page.evaluate((lang) => localStorage.setItem('groundwork.interfaceLanguage', lang), on ? 'fa' : 'en');
  await app.page.reload();
  await app.page.locator('.gw-topbar').waitFor();
}

it('the merge dialog with a conflict, in English and in Persian', async () => {
  for (const fa of [false, true]) {
    await persian(fa);
    await app.page.getByTestId('coder-chip').click();
    await app.page.locator('.gw-coder-popup [role="menuitem"]').nth(2).click();
    const dialog = app.page.locator('.gw-merge');
    await dialog.locator('input.gw-input').first().fill(copies.Bita!);
    await dialog.locator('.gw-merge-file button').click();
    await dialog.locator('.gw-merge-conflict').first().waitFor();
    await settle();
    await app.page.screenshot({ path: path.join(OUT, fa ? 'team-merge-conflict-fa.png' : 'team-merge-conflict.png') });
    if (!fa) await dialog.getByRole('button', { name: 'Cancel' }).click();
    else await dialog.locator('.gw-merge-conflicts-head button').nth(1).click();
    if (fa) {
      await dialog.locator('.gw-modal-actions .gw-primary').click();
      await dialog.getByTestId('merge-report').waitFor();
      await dialog.locator('.gw-modal-actions .gw-primary').click();
    }
  }
});

it('the agreement view, in Persian and in English', async () => {
  for (const fa of [true, false]) {
    await persian(fa);
    await openAgreement();
    await app.page.getByTestId('agreement-figures').waitFor();
    await app.page.getByTestId('disagreement').first().waitFor();
    await settle();
    await app.page.screenshot({ path: path.join(OUT, fa ? 'team-agreement-fa.png' : 'team-agreement.png'), fullPage: true });
  }
});

it('adjudicated, and Table 8 counting the consensus, in Persian', async () => {
  await persian(false);
  await openAgreement();
  const rows = app.page.getByTestId('disagreement');
  await rows.first().waitFor();
  await rows.filter({ hasText: PHRASES.p2 }).getByRole('button', { name: 'A', exact: true }).click();
  await app.page.getByRole('button', { name: 'Accept the agreed passages into the consensus' }).click();
  await app.page.getByText(/agreed passages? went into the consensus/).waitFor();
  await persian(true);
  await openAgreement();
  await app.page.getByTestId('disagreement').first().waitFor();
  await app.page.getByTestId('disagreement').filter({ hasText: PHRASES.p2 }).scrollIntoViewIfNeeded();
  await settle();
  await app.page.screenshot({ path: path.join(OUT, 'team-adjudicated-fa.png') });
  await app.page.locator('.gw-tabs button', { hasText: 'جدول ۸' }).click();
  await app.page.getByTestId('count-basis').locator('select').selectOption('consensus');
  await app.page.getByTestId('count-basis-sentence').filter({ hasText: 'اجماع' }).waitFor();
  await settle();
  await app.page.screenshot({ path: path.join(OUT, 'team-table8-consensus-fa.png') });
});

it('"Who is coding?" and the coder menu', async () => {
  await persian(true);
  await team.call('project.close', {});
  await app.page.reload();
  await app.page.locator('.gw-start').waitFor();
  // Sara's copy, opened on this machine for the first time.
  await team.call('project.open', { path: copies.Sara });
  await app.page.reload();
  await app.page.locator('.gw-who').waitFor();
  await settle();
  await app.page.screenshot({ path: path.join(OUT, 'team-who-is-coding-fa.png') });
  await app.page.locator('.gw-who .gw-primary').click();
  await persian(false);
  await app.page.getByRole('option', { name: SOURCE }).click();
  await app.page.locator('p.gw-para').first().waitFor();
  await app.page.getByTestId('coder-chip').click();
  await settle();
  await app.page.screenshot({ path: path.join(OUT, 'team-coder-menu.png') });
});
