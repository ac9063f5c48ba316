// The rest of the walk (after walkViews, in the study): What changed with a baseline and a wave,
// Saturation, Analysis; team coding in a project of its own (the coder menu, copies from a baseline,
// "Who is coding?", a merge with a conflict and its report, agreement, adjudication); then the start
// screen's safety net (starting afresh, backups, a restore asked and a damaged backup refused) and a
// project opened read-only with a change refused. Setup a user would do by hand elsewhere (coding in
// the coders' copies) goes through the backend; every view is reached as a user reaches it.

import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { EXAMPLES } from '../../helpers/backend';
import { callApi } from './fresh-project';
import { persian } from './language';
import type { Visit } from './view-walk';

const TEAM_SOURCE = 'Account-based marketing (fa)';
const PHRASES = ['شاخص های ارزیابی موفقیت', 'سخت افزار و نرم افزار کامپیوتر', 'چند فروشنده برای تامین تجهیزات', 'نقش هر یک از این ارکان'];

export async function walkMoreViews(page: Page, language: 'en' | 'fa', home: string, visit: Visit) {
  const tr = (english: string) => (language === 'fa' ? persian(english) : english);
  const view = async (key: string, ready: string) => {
    await page.locator(`.gw-topbar [data-view="${key}"]`).click();
    await page.locator(ready).first().waitFor();
  };
  const reload = async () => {
    await page.reload();
    await page.locator('.gw-topbar, .gw-start').first().waitFor();
  };

  // What changed: a baseline frozen and a wave of the walk's import, then a change compared.
  await view('evolution', '.gw-topbar [data-view="evolution"][aria-pressed="true"]');
  await page.getByRole('region', { name: tr('Baselines') }).waitFor();
  const baseline = 'خط پایهٔ گشت';
  await page.getByRole('button', { name: tr('Freeze the model as a baseline…') }).click();
  await page.getByLabel(tr('Name of the baseline')).fill(baseline);
  await page.getByRole('button', { name: tr('Freeze'), exact: true }).click();
  await page.locator(`li[data-baseline="${baseline}"]`).waitFor();
  await page.getByRole('button', { name: tr('New wave…') }).click();
  const waveForm = page.getByRole('form', { name: tr('New wave') });
  await waveForm.getByLabel(tr('Name of the wave')).fill('موج گشت');
  await waveForm.getByRole('button', { name: tr('Create the wave') }).click();
  await page.locator('li[data-wave="موج گشت"]').waitFor();
  await visit('what changed: baselines and waves');
  // A passage coded after the baseline, with a concept of its own.
  const docs = await callApi<{ id: number; name: string }[]>(page, 'document.list', {});
  const doc = docs.find((d) => d.name === TEAM_SOURCE) ?? docs[0]!;
  const { text } = await callApi<{ text: string }>(page, 'document.get', { id: doc.id });
  const word = text.search(/[\u0600-\u06FF]{4,}/);
  await callApi(page, 'segment.code', { documentId: doc.id, start: word, end: word + 4, newConcept: { label: 'مفهوم تازهٔ گشت' } });
  await reload();
  await view('evolution', `li[data-baseline="${baseline}"]`);
  await page.locator(`li[data-baseline="${baseline}"] .gw-evo-choose`).click();
  await page.getByTestId('change-report').filter({ hasText: 'مفهوم تازهٔ گشت' }).waitFor();
  await page.getByTestId('change-table8').waitFor();
  await visit('what changed: report');

  await view('saturation', '[data-testid="saturation-verdict"]');
  await visit('saturation');
  await view('analysis', '.gw-analysis');
  const tabs = page.locator('.gw-analysis [role="tab"]');
  for (let i = 0; i < 3; i++) {
    await tabs.nth(i).click();
    await page.locator(`.gw-analysis [role="tab"]:nth-child(${i + 1})[aria-selected="true"]`).waitFor();
    await page.locator('.gw-analysis table, .gw-analysis svg, .gw-analysis .gw-muted').first().waitFor();
    await visit(`analysis: tab ${i + 1}`);
  }

  // Team coding, in a project of its own: one Persian source, one main category, two concepts.
  await callApi(page, 'project.create', { name: `Walk team ${language}` });
  await reload();
  await page.getByTestId('import-input').setInputFiles([path.join(EXAMPLES, `${TEAM_SOURCE}.txt`)]);
  const report = page.getByRole('dialog', { name: new RegExp(`^${tr('Import: {imported} of {total} files imported').split('{')[0]}`) });
  await report.getByRole('button', { name: tr('OK') }).click();
  const main = await callApi<{ id: number }>(page, 'category.create', { name: 'عوامل سازمانی' });
  await callApi(page, 'component.assign', { categoryId: main.id, component: 'causal' });
  const ids: number[] = [];
  for (const label of ['اعتماد', 'هزینه']) ids.push((await callApi<{ id: number }>(page, 'concept.create', { label })).id);
  await callApi(page, 'category.fileConcepts', { categoryId: main.id, conceptIds: ids });
  await callApi(page, 'baseline.freeze', { name: 'موج نخست' });
  const original = (await callApi<{ path: string }>(page, 'project.current', {})).path;

  const chip = page.getByTestId('coder-chip');
  const menu = page.getByRole('menu', { name: tr('Team coding') });
  await chip.click();
  await menu.waitFor();
  await visit('coder menu');
  await menu.getByRole('menuitem', { name: tr('Prepare copies for coders…') }).click();
  const copiesDialog = page.getByRole('dialog', { name: tr('Prepare copies for coders') });
  await copiesDialog.getByRole('textbox', { name: tr('Coders, one name per line') }).fill('Alice\nBita');
  const codebook = copiesDialog.getByRole('combobox', { name: tr('Codebook') });
  await codebook.locator('option').nth(1).waitFor({ state: 'attached' });
  await codebook.selectOption({ index: 1 });
  await visit('prepare copies: the baseline chosen');
  await copiesDialog.getByRole('button', { name: tr('Prepare copies') }).click();
  await copiesDialog.locator('.gw-copies-list li').nth(1).waitFor();
  await visit('prepare copies: the answer');
  const lines = await copiesDialog.locator('.gw-copies-list li').allInnerTexts();
  const copies = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).trim().replace(/[\u2066-\u2069]/g, ''), l.slice(l.indexOf(':') + 1).trim().replace(/[\u2066-\u2069]/g, '')]));
  await copiesDialog.getByRole('button', { name: tr('Done') }).click();

  // Each coder codes the source in her copy and renames the second concept her own way.
  const code = async (coding: [phrase: string, concept: string][], rename: string) => {
    const source = (await callApi<{ id: number; name: string }[]>(page, 'document.list', {}))[0]!;
    const body = (await callApi<{ text: string }>(page, 'document.get', { id: source.id })).text;
    const concepts = (await callApi<{ concepts: { id: number; label: string }[] }>(page, 'codebook.get', {})).concepts;
    for (const [phrase, label] of coding) {
      const start = body.indexOf(phrase);
      await callApi(page, 'segment.code', { documentId: source.id, start, end: start + phrase.length, conceptId: concepts.find((c) => c.label === label)!.id });
    }
    await callApi(page, 'concept.update', { id: concepts.find((c) => c.label === 'هزینه')!.id, label: rename });
  };
  await callApi(page, 'project.open', { path: copies.Alice });
  await callApi(page, 'coder.use', { name: 'Alice' });
  await code([[PHRASES[0]!, 'اعتماد'], [PHRASES[1]!, 'هزینه'], [PHRASES[3]!, 'اعتماد']], 'هزینهٔ فناوری');
  // Bita opens her copy by its path, as a coder would: "Who is coding?" asks her name. (The page
  // first shows what the backend now has open, so nothing it asks for meets a closed project.)
  await reload();
  await page.getByRole('button', { name: tr('Close project') }).click();
  await page.getByRole('textbox', { name: tr('Path to a project file') }).fill(copies.Bita!);
  await page.getByRole('button', { name: tr('Open'), exact: true }).click();
  const who = page.getByRole('dialog', { name: tr('Who is coding?') });
  await who.getByRole('radio').first().waitFor();
  await visit('who is coding');
  await who.getByRole('button', { name: tr('Code as this coder') }).click();
  await who.waitFor({ state: 'detached' });
  await code([[PHRASES[0]!, 'اعتماد'], [PHRASES[2]!, 'هزینه'], [PHRASES[3]!, 'اعتماد']], 'هزینهٔ خرید');
  await callApi(page, 'project.open', { path: original });
  await callApi(page, 'coder.use', { coderId: null });
  await callApi(page, 'merge.apply', { path: copies.Alice, resolutions: [] });
  await reload();

  await chip.click();
  await menu.getByRole('menuitem', { name: tr('Merge a project…') }).click();
  const merge = page.getByRole('dialog', { name: tr('Merge a project') });
  await merge.getByRole('textbox', { name: tr('The other copy (its path)') }).fill(copies.Bita!);
  await merge.getByRole('button', { name: tr('Look at it') }).click();
  await merge.getByTestId('merge-preview').waitFor();
  await merge.locator('.gw-merge-conflict').first().waitFor();
  await visit('merge: preview with a conflict');
  await merge.getByRole('button', { name: tr('Take theirs for all') }).click();
  await merge.getByRole('button', { name: tr('Merge'), exact: true }).click();
  await merge.getByTestId('merge-report').waitFor();
  await visit('merge: report');
  await merge.getByRole('button', { name: tr('Done') }).click();

  await chip.click();
  await menu.getByRole('menuitem', { name: tr('Intercoder agreement') }).click();
  await page.getByTestId('agreement-figures').locator('tbody tr').first().waitFor();
  const rows = page.getByTestId('disagreement');
  await rows.nth(1).waitFor();
  await visit('intercoder agreement');
  await rows.filter({ hasText: PHRASES[1]! }).getByRole('button', { name: tr('A'), exact: true }).click();
  await rows.filter({ hasText: PHRASES[1]! }).locator('[aria-pressed="true"]').waitFor();
  await page.getByRole('button', { name: tr('Accept the agreed passages into the consensus') }).click();
  await page.locator('.gw-toast').first().waitFor();
  await visit('adjudicated');

  // The start screen's safety net: the study started afresh keeps a backup, which can be restored.
  await page.getByRole('button', { name: tr('Close project') }).click();
  const study = page.getByTestId('study-card');
  await study.getByRole('button', { name: tr('Start it afresh…') }).click();
  const afresh = page.getByRole('alertdialog');
  await afresh.waitFor();
  await visit('start afresh: the question');
  await afresh.locator('.gw-modal-actions button').last().click();
  await page.locator('.gw-topbar').waitFor();
  await page.getByRole('button', { name: tr('Close project') }).click();
  const backups = page.getByRole('region', { name: tr('Backups') });
  await backups.locator('.gw-backup-list li').first().waitFor();
  await visit('backups');
  const restore = backups.locator('.gw-backup-list li button').first();
  await restore.click();
  const question = page.getByRole('alertdialog');
  await question.waitFor();
  await visit('restore: the question');
  await page.keyboard.press('Escape');
  await question.waitFor({ state: 'detached' });
  // A backup damaged since: refused in one line, naming when it was taken.
  const folder = path.join(home, 'backups');
  for (const sub of fs.readdirSync(folder)) {
    for (const file of fs.readdirSync(path.join(folder, sub))) {
      if (file.endsWith('.groundwork')) fs.writeFileSync(path.join(folder, sub, file), 'not a project any more');
    }
  }
  // The line names the time as the list writes it (a filled-in value escapes the text check).
  const takenAt = await backups.locator('.gw-backup-when').first().innerText();
  await restore.click();
  await question.locator('.gw-modal-actions button').last().click();
  await page.locator('.gw-toast-error', { hasText: takenAt }).waitFor();
  await visit('restore: a damaged backup refused');
  await page.locator('.gw-toast-error button').first().click();

  // A project opened read-only: the badge and its line, then a change refused.
  await page.getByRole('checkbox', { name: tr('Open read-only: browse, search and export without changing the file') }).check();
  await page.locator('.gw-project-item', { hasText: `Walk team ${language}` }).first().click();
  await page.getByTestId('read-only-badge').waitFor();
  await page.getByTestId('read-only-banner').waitFor();
  await visit('read-only');
  await page.getByRole('button', { name: tr('+ Concept') }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('نه');
  await page.keyboard.press('Enter');
  await page.locator('.gw-toast-error').first().waitFor();
  await visit('read-only: a change refused');
  await page.getByRole('button', { name: tr('Close project') }).click();
  await page.getByRole('checkbox', { name: tr('Open read-only: browse, search and export without changing the file') }).uncheck();
}
