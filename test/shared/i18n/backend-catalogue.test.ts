// Every text the backend writes for people has its Persian: each template found in db/, electron/
// and shared/ (say, sayCount, fail, GroundworkError, requireFound, a step's label, the contract's
// own messages) has an entry keeping its {placeholders}, messages in the backend catalogue
// (shared/i18n/fa, which the command line reads too), step labels there or in the interface's.
// A message built from a `${value}` string cannot be translated: the test names it.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKEND_FA } from '../../../shared/i18n/fa/index';
import { fa } from '../../../renderer/i18n/fa';
import { LABEL_MESSAGES } from '../../../shared/domain/label-rules';
import { COMPONENT_LABELS } from '../../../shared/domain/paradigm';
import { DEFAULT_REASONS } from '../../../db/migrations/005-records';
import { EXPECTED } from '../../../electron/backend/validation';
import { REPO } from '../../helpers/files';
import { placeholders } from '../../renderer/i18n/extract';
import { extractBackendTemplates } from './backend-templates';
import { studyDataTexts } from './study-data';

/**
 * Texts passed as expressions, by the expression's source, with every value it can take. A new
 * one fails the test until it is listed here (or made a literal).
 */
const study = JSON.parse(fs.readFileSync(path.join(REPO, 'fixtures/study/study.json'), 'utf8')) as Parameters<typeof studyDataTexts>[0] & {
  readings: { en: string; options: { en: string }[] }[];
};
const DYNAMIC: Record<string, readonly string[]> = {
  // The label rules' sentences, given by the contract's Label schema.
  'LABEL_MESSAGES[problem]': Object.values(LABEL_MESSAGES),
  // A paradigm component's name inside a message or a step.
  'COMPONENT_LABELS[component]': Object.values(COMPONENT_LABELS),
  'COMPONENT_LABELS[category.component!]': Object.values(COMPONENT_LABELS),
  'COMPONENT_LABELS[target.key]': Object.values(COMPONENT_LABELS),
  // An exclusion reason's name in a screening step: the default list is translated, a user's own shows as written.
  reasonName: DEFAULT_REASONS,
  // A study's reading and option, by their English labels (shared/i18n/fa/study-data.catalog.ts).
  'o.labelEn': study.readings.flatMap((r) => r.options.map((o) => o.en)),
  'r.labelEn': study.readings.map((r) => r.en),
  // What a field must be, in a validation message.
  "EXPECTED[issue.expected ?? ''] ?? 'something else'": [...Object.values(EXPECTED), 'something else'],
};

/**
 * Expressions that pass on a template found where it is written, by file: the helpers' own
 * parameters (fail's `text`, requireFound's `what`), and a schema's own message, found in the
 * contract. Any other helper that takes a template as a parameter hides its callers' text from
 * this test: give its callers say() instead.
 */
const PASSED_ON = new Set<string>(['shared/api/errors.ts: text', 'db/command-log.ts: what', 'electron/backend/validation.ts: issue.message']);

const { templates, dynamic } = extractBackendTemplates(REPO);

function problemOf(text: string, catalogue: Record<string, string>): string | null {
  // A template of placeholders and punctuation alone ("{file}: {reason}") needs no translation.
  if (!/[A-Za-z]/.test(text.replace(/\{\w+\}/g, ''))) return null;
  const persian = catalogue[text];
  if (persian === undefined || persian.trim() === '') return 'no Persian';
  const missing = placeholders(text).filter((p) => !placeholders(persian).includes(p));
  if (missing.length > 0) return `the Persian lacks ${missing.map((p) => `{${p}}`).join(' ')}`;
  const extra = placeholders(persian).filter((p) => !placeholders(text).includes(p));
  if (extra.length > 0) return `the Persian has ${extra.map((p) => `{${p}}`).join(' ')}, which the English does not fill`;
  if (/[A-Za-z]{2}/.test(text.replace(/\{\w+\}/g, '')) && !/[\u0600-\u06FF]/.test(persian)) return 'the Persian has no Persian letters';
  return null;
}

describe('the Persian of the backend’s text', () => {
  it('finds the templates in the source (say, fail, GroundworkError, requireFound, labels, the contract)', () => {
    const texts = new Set(templates.map((f) => f.text));
    expect(texts).toContain('There is already a concept “{a}”; use it, or choose another label.');
    expect(texts).toContain('That concept');
    expect(texts).toContain('Count by another reading');
    expect(texts).toContain('Choose a reason for the exclusion.');
    expect(texts.size).toBeGreaterThan(300);
  });

  it('has a Persian entry in the backend catalogue, keeping every placeholder, for every message', () => {
    const untranslated = templates
      .filter((f) => f.kind === 'message')
      .map((found) => ({ found, problem: problemOf(found.text, BACKEND_FA) }))
      .filter((r) => r.problem !== null)
      .map((r) => `${r.found.file}:${r.found.line}  ${JSON.stringify(r.found.text)}: ${r.problem}`);
    expect(untranslated, `add these to shared/i18n/fa/<area>.catalog.ts:\n${[...new Set(untranslated)].join('\n')}`).toEqual([]);
  });

  it('has a Persian entry for every history step label', () => {
    const untranslated = templates
      .filter((f) => f.kind === 'label')
      .map((found) => ({ found, problem: problemOf(found.text, fa) }))
      .filter((r) => r.problem !== null)
      .map((r) => `${r.found.file}:${r.found.line}  ${JSON.stringify(r.found.text)}: ${r.problem}`);
    expect(untranslated, `add these to shared/i18n/fa/history.catalog.ts:\n${untranslated.join('\n')}`).toEqual([]);
  });

  it('knows every text passed as an expression: a `${value}` string is never a message', () => {
    const unknown = dynamic
      .filter((d) => !(d.expression in DYNAMIC) && !PASSED_ON.has(`${d.file}: ${d.expression}`))
      .map((d) => `${d.file}:${d.line}  ${d.expression.length > 140 ? `${d.expression.slice(0, 140)}…` : d.expression}`);
    expect(unknown, `write these with say('… {name} …', { name }) (or list the expression here):\n${unknown.join('\n')}`).toEqual([]);
    // These are names more than messages: the interface's catalogue (which holds the backend's) may have them.
    const untranslated = [...new Set(Object.values(DYNAMIC).flat())].filter((text) => problemOf(text, fa) !== null);
    expect(untranslated).toEqual([]);
  });

  it('has the Persian of the study’s English notes: readings, parse notes, the reasons', () => {
    const texts = studyDataTexts(study);
    expect(texts.length).toBeGreaterThan(20);
    const untranslated = texts.filter((text) => problemOf(text, BACKEND_FA) !== null);
    expect(untranslated, 'add these to shared/i18n/fa/study-data.catalog.ts').toEqual([]);
  });

  it('gathers every backend catalogue file, each text once', () => {
    const dir = path.join(REPO, 'shared/i18n/fa');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.catalog.ts'));
    const index = fs.readFileSync(path.join(dir, 'index.ts'), 'utf8');
    for (const file of files) expect(index, `${file} is not listed in shared/i18n/fa/index.ts`).toContain(`'./${file.replace(/\.ts$/, '')}'`);
    const counts = new Map<string, number>();
    for (const file of files) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const match of source.matchAll(/^\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*:/gm)) {
        const key = match[1] !== undefined ? (JSON.parse(`"${match[1]}"`) as string) : match[2]!;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    expect([...counts].filter(([, n]) => n > 1).map(([key]) => key)).toEqual([]);
    expect(counts.size).toBe(Object.keys(BACKEND_FA).length);
  });
});
