// What the backend writes for people comes structured (a template and its values) next to its
// English, across the dispatcher's JSON: refusals, validation failures, import report lines and
// history steps; old steps stored as English still read as English; the label language is the
// project's, one undoable step; a source takes its record's title and says when it leaves Coding.

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroundworkError } from '../../../shared/api/errors';
import { english } from '../../../shared/domain/message';
import { translate } from '../../../shared/i18n/translate';
import { importTexts, startBackend, toBase64, type TestBackend } from '../../helpers/backend';

let t: TestBackend;
beforeEach(async () => {
  t = startBackend();
  await t.api.call('project.create', { name: 'Messages' });
});
afterEach(() => t.cleanup());

/** The error a call fails with. */
async function refusal(call: Promise<unknown>): Promise<GroundworkError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GroundworkError);
  return error as GroundworkError;
}

describe('structured messages over the wire', () => {
  it('a refusal carries its template and values beside the English, and reads in Persian', async () => {
    await t.api.call('concept.create', { label: 'اعتماد' });
    const error = await refusal(t.api.call('concept.create', { label: 'اعتماد' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('There is already a concept “اعتماد”; use it, or choose another label.');
    expect(error.said).toEqual({ text: 'There is already a concept “{a}”; use it, or choose another label.', params: { a: 'اعتماد' } });
    expect(english(error.said!)).toBe(error.message);
    expect(translate(error.said!, 'fa')).toBe('مفهوم «اعتماد» از پیش وجود دارد؛ از همان استفاده کنید یا برچسب دیگری برگزینید.');
  });

  it('a request over a limit is named by its field and limit, never in zod’s words', async () => {
    const record = await t.api.call('record.create', { title: 'A record' });
    const error = await refusal(t.api.call('record.update', { id: record.id, changes: { venue: 'x'.repeat(1001) } }));
    expect(error.code).toBe('invalid-input');
    expect(error.message).not.toMatch(/Too big|expected string/);
    expect(error.message).toBe('The field “changes.venue” can be at most 1,000 characters long.');
    expect(translate(error.said!, 'fa')).toBe('فیلد «changes.venue» حداکثر ۱٬۰۰۰ نویسه می‌تواند باشد.');
    // A schema's own sentence is a template of its own.
    const label = await refusal(t.api.call('concept.create', { label: '\u200c \u200c' }));
    expect(label.said).toEqual({ text: 'A name needs at least one visible character: spaces, ZWNJ and direction marks alone show nothing.' });
  });

  it('an import report line is structured: imported, duplicate and failed files alike', async () => {
    const results = await importTexts(t.api, { 'one.txt': 'A short text.', 'two.txt': 'A short text.', 'bad.odt': 'x' });
    expect(results.map((r) => r.status)).toEqual(['imported', 'duplicate', 'failed']);
    for (const r of results) {
      expect(r.said, r.name).toBeDefined();
      expect(english(r.said!)).toBe(r.message);
    }
    expect(translate(results[0]!.said!, 'fa')).toBe('one.txt: با نام «one» وارد شد (۱۳ نویسه).');
    expect(translate(results[2]!.said!, 'fa')).toMatch(/^bad\.odt: فایل‌های «\.odt» وارد نمی‌شوند\./);
  });

  it('a history step is stored as template and values; a step stored as English still reads as it was', async () => {
    await t.api.call('concept.create', { label: 'Trust' });
    const [step] = (await t.api.call('history.get', {})).entries;
    expect(step).toMatchObject({ label: 'Create concept “Trust”', said: { text: 'Create concept “{a}”', params: { a: 'Trust' } } });
    // A step an older Groundwork wrote holds plain English: it shows as written, with no `said`.
    const file = (await t.api.call('project.current', {}))!.path;
    const db = new Database(file);
    db.prepare(`UPDATE command SET label = 'Create concept “Trust”' WHERE id = ?`).run(step!.id);
    db.close();
    const [old] = (await t.api.call('history.get', {})).entries;
    expect(old!.label).toBe('Create concept “Trust”');
    expect(old!.said).toBeUndefined();
  });
});

describe('the label language belongs to the project', () => {
  it('is absent until chosen, set as one undoable step, and kept in the file', async () => {
    expect(await t.api.call('labels.get', {})).toEqual({ language: null });
    expect(await t.api.call('labels.set', { language: 'en' })).toEqual({ language: 'en' });
    const history = await t.api.call('history.get', {});
    expect(history.undo).toMatchObject({ label: 'Show labels in English', said: { text: 'Show labels in English' } });
    // The same language again leaves no step.
    await t.api.call('labels.set', { language: 'en' });
    expect((await t.api.call('history.get', {})).entries).toHaveLength(1);
    await t.api.call('labels.set', { language: 'fa' });
    expect(await t.api.call('labels.get', {})).toEqual({ language: 'fa' });
    await t.api.call('history.undo', {});
    expect(await t.api.call('labels.get', {})).toEqual({ language: 'en' });
    // Reopened, the project keeps its choice.
    const file = (await t.api.call('project.current', {}))!.path;
    await t.api.call('project.close', {});
    await t.api.call('project.open', { path: file });
    expect(await t.api.call('labels.get', {})).toEqual({ language: 'en' });
    await t.api.call('labels.set', { language: null });
    expect(await t.api.call('labels.get', {})).toEqual({ language: null });
  });
});

const RIS = (title: string, file: string) => `TY  - JOUR\nTI  - ${title}\nPY  - 2021\nL1  - file:///papers/${file}\nER  - \n`;

describe('a source and its record', () => {
  it('a source imported after its record takes the record’s title and stage, and its line says so', async () => {
    const [bib] = await t.api.call('document.import', { files: [{ name: 'refs.ris', dataBase64: toBase64(RIS('Trust in B2B marketing', 'paper one.txt')) }] });
    expect(bib!.status).toBe('imported');
    const [source] = await importTexts(t.api, { 'paper one.txt': 'Trust matters in B2B marketing.' });
    expect(source!.document!.name).toBe('Trust in B2B marketing');
    expect(source!.message).toBe(
      'paper one.txt: imported as "Trust in B2B marketing" (31 characters). It is the full text of the record “Trust in B2B marketing” and takes its name and its stage, identified: it is listed for coding once the record is included in Screening.',
    );
    expect(translate(source!.said!, 'fa')).toContain('وقتی رکورد در غربالگری واردشده شود، برای کدگذاری فهرست می‌شود');
    const record = (await t.api.call('record.list', {})).find((r) => r.documentId === source!.document!.id)!;
    expect(record.stage).toBe('identified');
  });

  it('a bibliography record that finds its source renames it and says the source leaves the Coding list', async () => {
    const [source] = await importTexts(t.api, { 'paper two.txt': 'Another paper about trust.' });
    expect(source!.document!.name).toBe('paper two');
    const [bib] = await t.api.call('document.import', { files: [{ name: 'refs.ris', dataBase64: toBase64(RIS('The second paper', 'paper two.txt')) }] });
    expect(bib!.message).toBe(
      'refs.ris: 1 RIS record imported, 1 linked to a source. Record 1 (“The second paper”): linked to a source by file name. ' +
        'The source “paper two” is now named after it. The source takes the record’s stage, identified, and leaves the Coding list until it is included in Screening.',
    );
    const documents = await t.api.call('document.list', {});
    expect(documents.map((d) => d.name)).toEqual(['The second paper']);
    // One undo step brings the name and the stage back.
    await t.api.call('history.undo', {});
    expect((await t.api.call('document.list', {})).map((d) => d.name)).toEqual(['paper two']);
    expect((await t.api.call('record.list', {}))[0]!.stage).toBe('included');
  });

  it('linking a record by hand renames the source to the record’s title', async () => {
    const [source] = await importTexts(t.api, { 'draft.txt': 'A draft.' });
    const record = await t.api.call('record.create', { title: 'Final title', authors: [] });
    await t.api.call('record.link', { id: record.id, documentId: source!.document!.id });
    expect((await t.api.call('document.list', {})).map((d) => d.name)).toEqual(['Final title']);
  });
});
