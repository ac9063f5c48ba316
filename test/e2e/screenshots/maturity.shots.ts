// Takes the README's maturity screenshots (`npm run screenshots`): the study's eight default
// dimensions on the five CMMI levels over a small hand-made codebook, with an assessment shown in
// the matrix (English labels), and two assessments compared on the radar (Persian labels).

import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CategoryId } from '../../../shared/domain/ids';
import { applyMaturityDefaults, STUDY_MATURITY_DEFAULTS } from '../../../electron/backend/maturity/defaults';
import { REPO, startBackend } from '../../helpers/backend';
import { startApp, type App } from '../harness';
import { MaturityPage } from '../pages/maturity-page';

const OUT = path.join(REPO, 'test/e2e/screenshots');
let app: App;
let mp: MaturityPage;

/** One main category per default dimension (named by us, not the study), three concepts each. */
const CATEGORIES: [string, string[]][] = [
  ['نقش‌های رهبری', ['حمایت مدیران ارشد', 'رهبری دیجیتال', 'طرز فکر مشتری‌محور']],
  ['راهبرد دیجیتال', ['سند راهبرد بازاریابی', 'سیاست کانال‌های دیجیتال', 'مدل کسب‌وکار دیجیتال']],
  ['ساختار واحد B2B', ['نمودار سازمانی', 'شرح مأموریت', 'شایستگی کارکنان']],
  ['ابزار و پلتفرم', ['نرم‌افزار CRM', 'اتوماسیون بازاریابی', 'تحلیل داده']],
  ['بودجه بازاریابی', ['بودجه سالانه', 'سهم دیجیتال از بودجه', 'سنجش بازده هزینه']],
  ['عملیات و فرایند', ['تحقیقات بازار', 'قیمت‌گذاری', 'مدیریت فروش']],
  ['شاخص‌های عملکرد', ['نرخ تبدیل سرنخ', 'ارزش طول عمر مشتری', 'بازده سرمایه بازاریابی']],
  ['فرهنگ و مدیریت تغییر', ['فرهنگ توانمندسازی', 'آمادگی برای تغییر', 'یادگیری سازمانی']],
];

async function buildProject(file: string) {
  const t = startBackend();
  try {
    const { api } = t;
    await api.call('project.create', { name: 'B2B maturity (demo)', path: file });
    const byCode = new Map<string, CategoryId>();
    for (const [i, [name, concepts]] of CATEGORIES.entries()) {
      const category = (await api.call('category.create', { name })).id;
      for (const label of concepts) {
        const c = await api.call('concept.create', { label });
        await api.call('category.fileConcepts', { categoryId: category, conceptIds: [c.id] });
      }
      byCode.set(STUDY_MATURITY_DEFAULTS[i]!.mainCategoryCodes[0]!, category);
    }
    await applyMaturityDefaults(t.backend.store!, (code) => byCode.get(code) ?? null);
    const model = await api.call('maturity.get', {});
    const ratings = [
      [3, 3, 2], [2, 2, 3], [2, 3, 3], [4, 3, 3], [2, 2, 1], [3, 3, 4], [2, 3, 2], [1, 2, 2],
    ];
    for (const [name, date, bump] of [['Acme 2025', '2025-10-01', 0], ['Acme 2026', '2026-11-01', 1]] as const) {
      const a = await api.call('assessment.create', { name, organisation: 'Acme Industrial', assessedOn: date });
      for (const [d, dimension] of model.dimensions.entries()) {
        for (const [i, item] of dimension.items.entries()) {
          const value = Math.min(5, ratings[d]![i]! + (bump && (d + i) % 2 === 0 ? 1 : 0));
          await api.call('assessment.rate', { assessmentId: a.id, dimensionId: dimension.id, conceptId: item.conceptId, value });
        }
      }
    }
  } finally {
    await t.cleanup();
  }
}

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1500, height: 1000 } });
  mp = new MaturityPage(app.page);
  const file = path.join(app.home, 'B2B maturity demo.groundwork');
  await buildProject(file);
  await app.page.getByLabel('Path to a project file').fill(file);
  await app.page.getByRole('button', { name: 'Open', exact: true }).click();
  await app.page.locator('.gw-topbar').waitFor();
  await mp.open();
});
afterAll(async () => {
  await app?.close();
});

it('the matrix of the eight default dimensions, with an assessment shown', async () => {
  await mp.tab('Self-assessment');
  await mp.view.getByLabel('Open assessment').selectOption({ label: 'Acme 2026 (2026-11-01)' });
  await mp.view.getByTestId('overall-level').waitFor();
  await mp.tab('Dimensions and mapping');
  await mp.row('New leadership roles regarding B2B marketing').locator('th button').click();
  expect(await mp.matrix.locator('tbody tr').count()).toBe(8);
  await app.page.evaluate(() => document.fonts.ready);
  await app.page.screenshot({ path: path.join(OUT, 'maturity-matrix.png') });
});

it('two assessments compared on the radar, Persian labels', async () => {
  await mp.tab('Self-assessment');
  await mp.labels('Persian labels');
  await mp.view.getByLabel('Compare with').selectOption({ label: 'Acme 2025 (2025-10-01)' });
  await expect.poll(() => mp.view.getByTestId('radar').locator('path').count()).toBe(2);
  await app.page.evaluate(() => document.fonts.ready);
  await mp.view.locator('.gw-assessment-body').screenshot({ path: path.join(OUT, 'maturity-radar.png') });
});
