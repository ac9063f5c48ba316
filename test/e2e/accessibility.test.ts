// Every view, in English and in Persian, checked as assistive technology and a Persian reader
// would meet it: axe-core (WCAG 2.1 A and AA rules) finds no serious or critical violation, and
// the Persian interface shows no Latin digit and no English word outside user data (marked
// data-user-text or <bdi>), item codes, key names and format names (CSV, PRISMA, SVG…).

import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { LanguageSwitch } from './pages/language';
import { walkViews } from './pages/view-walk';
import { walkMoreViews } from './pages/view-walk-more';

/** A folder for a screenshot at each stop (none taken when unset). */
const SHOTS = process.env.GROUNDWORK_SHOTS_DIR;

/** Names that stay as they are in a Persian sentence: formats, standards, keys, the study's terms. */
const ALLOWED_WORDS = new Set(
  'CSV PRISMA SVG PNG JSON XLSX HTML DOI URL KPI PDF RIS BibTeX TXT MD DOCX Word Zotero EndNote Mendeley CMMI UTF BOM SHA WCAG Ctrl Shift Alt Enter Esc Tab Space B2B ZWNJ ID'.split(' '),
);

async function axeProblems(app: App, stop: string): Promise<string[]> {
  const result = await new AxeBuilder({ page: app.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${stop}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Visible text in the page that is English or has Latin digits, outside user data. */
async function englishInPersian(app: App, stop: string, allowed: string[]): Promise<string[]> {
  const found = await app.page.evaluate(
    ({ skip }) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        // A value filled into a sentence (a name, a label) is isolated (FSI … PDI): it is user data.
        const text = node.data.replace(/\u2068[^\u2069]*\u2069/g, '').trim();
        const parent = node.parentElement;
        if (!text || !parent || parent.closest(skip)) continue;
        if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        if (/[0-9]/.test(text) || /[A-Za-z]{2,}/.test(text)) out.push(`${text}  ‹${parent.tagName.toLowerCase()}.${[...parent.classList].join('.')}›`);
      }
      // A number the interface puts in a field (a setting, a rule's k) is the interface's too.
      for (const input of document.querySelectorAll<HTMLInputElement>('input[type="number"], input[inputmode="numeric"], input[inputmode="decimal"]')) {
        if (!input.value || input.closest(skip) || !input.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        if (/[0-9]/.test(input.value)) out.push(`${input.value}  ‹input ${input.getAttribute('aria-label') ?? input.closest('label')?.innerText ?? ''}›`);
      }
      return out;
    },
    { skip: '[data-user-text], [data-autonym], bdi, kbd, code, .gw-code, textarea, script, style, [aria-hidden="true"], .gw-reader-body' },
  );
  const words = new Set(allowed);
  return found
    .filter((line) => {
      const text = line.split('  ‹')[0]!;
      if (/[0-9]/.test(text.replace(/\b(F2|UTF-8|B2B|SHA-256)\b/g, ''))) return true;
      return (text.match(/[A-Za-z][A-Za-z]+/g) ?? []).some((w) => !words.has(w));
    })
    .map((line) => `${stop}: ${line.length > 160 ? `${line.slice(0, 150)}…` : line}`);
}

describe.each(['en', 'fa'] as const)('every view in %s', (language) => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
    if (language === 'fa') await new LanguageSwitch(app.page).choose('fa');
  });
  afterAll(async () => {
    await app?.close();
  });

  it(
    language === 'en'
      ? 'has no serious or critical accessibility violation'
      : 'has no serious or critical accessibility violation, no Latin digit and no English word outside user data',
    async () => {
      const axe: string[] = [];
      const english: string[] = [];
      const stops: string[] = [];
      const visit = async (stop: string) => {
        stops.push(stop);
        if (SHOTS) await app.page.screenshot({ path: path.join(SHOTS, `${language}-${stops.length}-${stop.replace(/[^\w]+/g, '-')}.png`) });
        axe.push(...(await axeProblems(app, stop)));
        if (language === 'fa') english.push(...(await englishInPersian(app, stop, [...ALLOWED_WORDS])));
      };
      await walkViews(app.page, language, app.home, visit);
      await walkMoreViews(app.page, language, app.home, visit);
      expect(stops).toHaveLength(17 + 20);
      const problems = [...axe, ...english];
      expect(problems, problems.join('\n')).toEqual([]);
      expect(app.errors, app.errors.join('\n')).toEqual([]);
    },
  );
});
