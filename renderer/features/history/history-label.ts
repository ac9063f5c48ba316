// The backend writes each step of the history in English ("Create concept “x”"), once, in the
// project file. The Persian interface shows it in Persian: each label form the backend writes is an
// English template here (its Persian in fa/history.catalog.ts); names stay as they are.

import type { Message } from '../../../shared/domain/message';
import { compileForms } from '../../i18n/backend-text';
import { backendText } from '../../i18n/message';
import { MATURITY_HISTORY_TEMPLATES } from '../maturity/history-templates';
import { TEAM_HISTORY_TEMPLATES } from '../team/team-templates';
import { EVOLUTION_HISTORY_TEMPLATES } from '../evolution/history-templates';

/**
 * The forms of the backend's history labels (electron/backend/handlers, import). `{a}` `{b}` `{c}`
 * stand for quoted names, `{n}` for a count, `{component}` for a paradigm component's name.
 */
export const HISTORY_TEMPLATES = [
  'Create concept “{a}”',
  'Rename concept “{a}” to “{b}”',
  'Recolour concept “{a}”',
  'Delete concept “{a}” and its {n} segment',
  'Delete concept “{a}” and its {n} segments',
  'Create sub-category “{a}” in “{b}”',
  'Create main category “{a}”',
  'Rename category “{a}” to “{b}”',
  'Recolour category “{a}”',
  'Move “{a}” into “{b}”',
  'Make “{a}” a main category',
  'Delete category “{a}”',
  'Move concept “{a}” from “{b}” to “{c}”',
  'Move {n} concepts from “{b}” to “{c}”',
  'File concept “{a}” under “{b}”',
  'File {n} concepts under “{b}”',
  'Take {n} concept out of “{b}”',
  'Take {n} concepts out of “{b}”',
  'Place “{a}” in {component}',
  'Take “{a}” out of {component}',
  'Rename source “{a}” to “{b}”',
  'Delete source “{a}”',
  'Edit memo of {component}',
  'Edit memo of a source',
  'Edit memo of a concept',
  'Edit memo of a category',
  'Edit memo of a segment',
  'Code with new concept “{a}” in “{b}”',
  'Code with new in-vivo concept “{a}” in “{b}”',
  'Code with “{a}” in “{b}”',
  'Uncode “{a}” in “{b}”',
  'Import "{a}"',
  'Import {n} sources',
  'Change how much history is kept',
  ...MATURITY_HISTORY_TEMPLATES,
  ...TEAM_HISTORY_TEMPLATES,
  ...EVOLUTION_HISTORY_TEMPLATES,
] as const;

const forms = compileForms(HISTORY_TEMPLATES);

/**
 * A history label in the interface language: a step labelled structured (`said`) is translated from
 * its template; an older one, stored as English, by its form (as stored, if its form is not known).
 */
export const historyLabel = (label: string, said?: Message | null): string => backendText(label, said, forms);
