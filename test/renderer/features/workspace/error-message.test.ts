// The backend's refusals in the Persian interface: each one the real backend gives while coding
// and arranging the code system reads in Persian, names kept; English shows them as written.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CategoryId, DocumentId } from '../../../../shared/domain/ids';
import { GroundworkError } from '../../../../shared/api/errors';
import { errorMessage } from '../../../../renderer/features/workspace/error-message';
import { fa } from '../../../../renderer/i18n/fa';
import { setLanguage } from '../../../../renderer/i18n/t';
import { importTexts, startBackend, type TestBackend } from '../../../helpers/backend';

let backend: TestBackend;
const messages: string[] = [];

const refusal = async (call: Promise<unknown>) => {
  try {
    await call;
  } catch (error) {
    if (error instanceof GroundworkError) return messages.push(error.message);
  }
  throw new Error('the backend did not refuse');
};

beforeAll(async () => {
  backend = startBackend();
  const { api } = backend;
  await refusal(api.call('codebook.get', {}));
  await api.call('project.create', { name: 'Refusals' });
  const [doc] = await importTexts(api, { 'a.txt': 'Budget matters.    And value.' });
  const documentId = doc!.document!.id as DocumentId;
  await refusal(api.call('segment.code', { documentId, start: 15, end: 19, newConcept: { label: 'x' } }));
  const segment = await api.call('segment.code', { documentId, start: 0, end: 6, newConcept: { label: 'بودجه' } });
  await refusal(api.call('segment.code', { documentId, start: 0, end: 6, conceptId: segment.conceptId }));
  await refusal(api.call('concept.create', { label: 'بودجه' }));
  const main = await api.call('category.create', { name: 'راهبرد', parentId: null });
  await refusal(api.call('category.create', { name: 'راهبرد', parentId: null }));
  const sub = await api.call('category.create', { name: 'Sub', parentId: main.id as CategoryId });
  await refusal(api.call('category.create', { name: 'Sub', parentId: main.id as CategoryId }));
  await refusal(api.call('category.move', { id: main.id, parentId: sub.id }));
  await refusal(api.call('component.assign', { categoryId: sub.id, component: 'strategies' }));
});
afterAll(async () => {
  setLanguage('en');
  await backend?.cleanup();
});

describe('backend refusals in the Persian interface', () => {
  it('reads every refusal in Persian, keeping the names', () => {
    expect(messages).toHaveLength(8);
    setLanguage('fa', fa);
    const untranslated = messages.filter((m) => errorMessage(m) === m || /\b(the|is|already|category|concept)\b/i.test(errorMessage(m)));
    expect(untranslated).toEqual([]);
    expect(errorMessage(messages[2]!)).toBe('این قطعه پیش\u200cتر با «\u2068بودجه\u2069» کدگذاری شده است.');
  });

  it('leaves them as written in English, and an unknown one in Persian too', () => {
    setLanguage('fa', fa);
    expect(errorMessage('Something unforeseen.')).toBe('Something unforeseen.');
    setLanguage('en');
    // English keeps the words; a Persian name in them is isolated (FSI … PDI) from the sentence.
    for (const message of messages) expect(errorMessage(message).replace(/[\u2068\u2069]/g, '')).toBe(message);
    expect(errorMessage(messages[2]!)).toBe('This passage is already coded with “\u2068بودجه\u2069”.');
  });
});
