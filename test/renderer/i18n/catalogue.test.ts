// Every piece of interface text has its Persian: each literal t(…) text and plural(…) phrase in
// renderer/**/*.ts(x) must have a non-empty entry in the gathered Persian catalogue (fa/index.ts)
// that keeps every {placeholder} of the English. Texts passed to t() as expressions must come from
// a known table (listed below), whose values are checked the same way. Also t() and plural() in fa.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMPONENT_HINTS, COMPONENT_LABELS } from '../../../shared/domain/paradigm';
import { HISTORY_TEMPLATES } from '../../../renderer/features/history/history-label';
import { ERROR_TEMPLATES } from '../../../renderer/features/workspace/error-message';
import { fa } from '../../../renderer/i18n/fa';
import { num, plural, setLanguage, t } from '../../../renderer/i18n/t';
import { REPO } from '../../helpers/backend';
import { extractInterfaceText, placeholders } from './extract';

const RENDERER = path.join(REPO, 'renderer');

/**
 * t() calls whose text is an expression, by the expression's source, with every value it can take.
 * A new one fails the test until it is listed here (or made a literal).
 */
import { FIELDS as PRISMA_FIELDS, TABS as DIAGRAM_TABS } from '../../../renderer/features/diagrams/texts';
import { COLUMNS as COMPARE_COLUMNS, FLAG_TEXT } from '../../../renderer/features/study/texts';
import { STAGE_LABEL } from '../../../renderer/features/documents/texts';
import { VIEWS } from '../../../renderer/features/workspace/views';
import { DEFAULT_REASONS } from '../../../db/migrations/005-records';

import { LABEL_MESSAGES } from '../../../shared/domain/label-rules';
import { ROLE_HINT, ROLE_LABEL } from '../../../renderer/features/server/texts';
const DYNAMIC: Record<string, readonly string[]> = {
  // The team server: the roles' names and hints.
  'ROLE_LABEL[role]': Object.values(ROLE_LABEL),
  'ROLE_LABEL[r]': Object.values(ROLE_LABEL),
  'ROLE_HINT[r]': Object.values(ROLE_HINT),
  'LABEL_MESSAGES[problem]': Object.values(LABEL_MESSAGES),
  'COMPONENT_LABELS[key]': Object.values(COMPONENT_LABELS),
  'COMPONENT_LABELS[componentKey]': Object.values(COMPONENT_LABELS),
  'COMPONENT_LABELS[focus.key]': Object.values(COMPONENT_LABELS),
  'COMPONENT_HINTS[row.component]': Object.values(COMPONENT_HINTS),
  'COMPONENT_HINTS[componentKey]': Object.values(COMPONENT_HINTS),
  // A paradigm component's label in the codebook and in the counts: COMPONENT_LABELS' values.
  'row.label': Object.values(COMPONENT_LABELS),
  'c.label': Object.values(COMPONENT_LABELS),
  'x.label': DIAGRAM_TABS.map((x) => x.label),
  'TABS.find((x) => x.key === tab)!.label': DIAGRAM_TABS.map((x) => x.label),
  'f.label': PRISMA_FIELDS.map((f) => f.label),
  'c.title': COMPARE_COLUMNS.map((c) => c.title),
  'FLAG_TEXT[f]!': Object.values(FLAG_TEXT),
  'STAGE_LABEL[r.stage]': Object.values(STAGE_LABEL),
  'v.label': VIEWS.map((v) => v.label),
  // Exclusion reasons: the project's own list, of which the defaults are translated.
  'r.reason': DEFAULT_REASONS,
  'r.name': DEFAULT_REASONS,
  'record.reasonName': DEFAULT_REASONS,
  'r.reasonName': DEFAULT_REASONS,
};

/** The forms of the backend's English text the interface translates (i18n/backend-text.ts). */
const BACKEND_FORMS: readonly string[] = [...HISTORY_TEMPLATES, ...ERROR_TEMPLATES];

const extracted = extractInterfaceText(RENDERER, REPO);

function problemsOf(text: string): string | null {
  const persian = fa[text];
  if (persian === undefined || persian.trim() === '') return 'no Persian';
  const missing = placeholders(text).filter((p) => !placeholders(persian).includes(p));
  if (missing.length > 0) return `the Persian lacks ${missing.map((p) => `{${p}}`).join(' ')}`;
  const extra = placeholders(persian).filter((p) => !placeholders(text).includes(p));
  if (extra.length > 0) return `the Persian has ${extra.map((p) => `{${p}}`).join(' ')}, which the English does not fill`;
  // A text with words must be translated, not copied; one of placeholders and marks only need not.
  if (/[A-Za-z]{2}/.test(text.replace(/\{\w+\}/g, '')) && !/[\u0600-\u06FF]/.test(persian)) return 'the Persian has no Persian letters';
  return null;
}

describe('the Persian catalogue', () => {
  it('finds the interface text in the source (the extractor sees t() and plural() alike)', () => {
    const texts = new Set(extracted.literals.map((f) => f.text));
    // One of each kind of call: a JSX child, an attribute, a multi-line call, plural phrases.
    expect(texts).toContain('Open the example project');
    expect(texts).toContain('Code system');
    expect(texts).toContain('Its {n} sub-categories go with it: {names}.');
    expect(texts).toContain('{n} coded segments');
    expect(texts.size).toBeGreaterThan(150);
  });

  it('has a Persian entry keeping every placeholder for every literal t() text and plural() phrase', () => {
    const untranslated = extracted.literals
      .map((found) => ({ found, problem: problemsOf(found.text) }))
      .filter((r) => r.problem !== null)
      .map((r) => `${r.found.file}:${r.found.line}  ${JSON.stringify(r.found.text)}: ${r.problem}`);
    expect(untranslated, `add these to renderer/i18n/fa/<feature>.catalog.ts:\n${untranslated.join('\n')}`).toEqual([]);
  });

  it('knows every text passed to t() as an expression, and has their Persian', () => {
    const unknown = extracted.dynamic
      .filter((d) => !(d.expression in DYNAMIC))
      .map((d) => `${d.file}:${d.line}  t(${d.expression})`);
    expect(unknown, `pass a literal to t(), or list the expression's values in DYNAMIC:\n${unknown.join('\n')}`).toEqual([]);
    const untranslated = [...new Set(Object.values(DYNAMIC).flat())].filter((text) => problemsOf(text) !== null);
    expect(untranslated).toEqual([]);
  });

  it('has the Persian of every form of the backend text the interface translates', () => {
    const untranslated = BACKEND_FORMS.map((text) => ({ text, problem: problemsOf(text) })).filter((r) => r.problem !== null);
    expect(untranslated).toEqual([]);
  });

  it('gathers every catalogue file, and no two files give one text different translations', () => {
    // The interface's catalogues and the backend's (shared/i18n/fa), which the interface merges in.
    const dirs = [path.join(RENDERER, 'i18n/fa'), path.join(REPO, 'shared/i18n/fa')];
    const files = dirs.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.catalog.ts')).map((f) => path.join(dir, f)));
    expect(files.length).toBeGreaterThanOrEqual(22);
    const seen = new Map<string, { file: string; value: string }>();
    const conflicts: string[] = [];
    for (const full of files) {
      const file = path.relative(REPO, full);
      const source = fs.readFileSync(full, 'utf8');
      // Keys as written: 'key': or "key": or a bare identifier.
      for (const match of source.matchAll(/^\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(\w+))\s*:\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')/gm)) {
        const key = match[1] !== undefined ? JSON.parse(`"${match[1]}"`) : (match[2] ?? match[3]!);
        const value = match[4] !== undefined ? JSON.parse(`"${match[4]}"`) : match[5]!;
        expect(fa[key], `${file}: ${key}`).toBeDefined();
        const before = seen.get(key);
        if (before && before.value !== value) conflicts.push(`${JSON.stringify(key)}: ${before.file} and ${file} differ`);
        seen.set(key, { file, value });
      }
    }
    expect(seen.size).toBe(Object.keys(fa).length);
    expect(conflicts).toEqual([]);
  });

  it('writes zero-width non-joiners, not spaces or nothing, inside the words that need them', () => {
    const values = Object.values(fa).join('\n');
    expect(values).toContain('می\u200cشود');
    expect(values).toContain('مقوله\u200cهای');
    // "می شود" with a space, or glued "میشود", are the mistakes a careful Persian writer avoids.
    expect(values).not.toMatch(/(^|[\s«(])می (شود|شوند|کند|کنند|رود|ماند|مانند|توانید)/);
    expect(values).not.toMatch(/(^|[\s«(])میشود/);
  });
});

describe('t() and plural() in Persian', () => {
  afterEach(() => setLanguage('en'));

  it('translates, fills placeholders, and writes numbers in Persian digits', () => {
    setLanguage('fa', fa);
    expect(t('Code system')).toBe('نظام کدها');
    expect(t('Import: {imported} of {total} files imported', { imported: 3, total: 12 })).toBe('وارد کردن: ۳ از ۱۲ فایل وارد شد');
    // A filled-in name is isolated, so a Latin name keeps its place in the Persian sentence.
    expect(t('Delete the concept “{label}”?', { label: 'KPI' })).toBe('مفهوم «\u2068KPI\u2069» حذف شود؟');
    expect(num(1234)).toBe('۱٬۲۳۴');
    // Text without a translation falls back to the English rather than showing nothing.
    expect(t('A text no catalogue has')).toBe('A text no catalogue has');
  });

  it('keeps the noun singular after a number, and picks the singular sentence for one', () => {
    setLanguage('fa', fa);
    expect(plural(1, '{n} concept', '{n} concepts')).toBe('۱ مفهوم');
    expect(plural(5, '{n} concept', '{n} concepts')).toBe('۵ مفهوم');
    expect(plural(0, '{n} coded segment', '{n} coded segments')).toBe('۰ بخش کدگذاری\u200cشده');
    expect(plural(1, 'It leaves the category it is filed under.', 'It leaves the {n} categories it is filed under.')).toBe(
      'از مقوله\u200cای که در آن قرار دارد نیز بیرون می\u200cرود.',
    );
    expect(plural(3, 'It leaves the category it is filed under.', 'It leaves the {n} categories it is filed under.')).toBe(
      'از ۳ مقوله\u200cای که در آن\u200cها قرار دارد نیز بیرون می\u200cرود.',
    );
  });

  it('leaves English as it was: ASCII digits, English plurals', () => {
    setLanguage('en');
    expect(plural(1, '{n} concept', '{n} concepts')).toBe('1 concept');
    expect(plural(5, '{n} concept', '{n} concepts')).toBe('5 concepts');
    expect(t('Import: {imported} of {total} files imported', { imported: 3, total: 12 })).toBe('Import: 3 of 12 files imported');
    expect(num(1234)).toBe('1234');
  });
});
