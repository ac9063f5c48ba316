// The backend writes each step of the history in English ("Create concept “x”"), once, in the
// project file. The Persian interface shows it in Persian: each label form the backend writes is an
// English template here, translated through t() like any interface text; names stay as they are.
// A label of a form not listed shows in English.

import { COMPONENT_LABELS } from '../../../shared/domain/paradigm';
import { currentLanguage, t } from '../../i18n/t';

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
] as const;

const componentNames = Object.values(COMPONENT_LABELS);
const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

const FORMS = HISTORY_TEMPLATES.map((template) => {
  const names: string[] = [];
  const pattern = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return escape(part);
      names.push(name);
      if (name === 'n') return '(\\d+)';
      if (name === 'component') return `(${componentNames.map(escape).join('|')})`;
      return '(.+?)';
    })
    .join('');
  return { template, names, regex: new RegExp(`^${pattern}$`, 's') };
});

/** A history label in the interface language. */
export function historyLabel(label: string): string {
  if (currentLanguage() === 'en') return label;
  for (const { template, names, regex } of FORMS) {
    const match = regex.exec(label);
    if (!match) continue;
    const vars: Record<string, string | number> = {};
    names.forEach((name, i) => {
      const value = match[i + 1]!;
      if (name === 'n') vars.n = Number(value);
      else if (name === 'component') {
        const componentName = value;
        vars.component = t(componentName);
      } else vars[name] = value;
    });
    return t(template, vars);
  }
  return label;
}
