// Text the backend writes in English (history labels, error messages) shown in the interface
// language: each form the backend writes is an English template whose Persian is in the
// catalogue like any interface text. `{n}` matches a count, `{component}` a paradigm component's
// name (translated too), any other `{name}` a name, which is kept as it is. A text of a form not
// listed shows as the backend wrote it.

import { COMPONENT_LABELS } from '../../shared/domain/paradigm';
import { t } from './t';

const componentNames = Object.values(COMPONENT_LABELS);
const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

export interface Forms {
  templates: readonly string[];
  match(text: string): { template: string; vars: Record<string, string | number> } | null;
}

export function compileForms(templates: readonly string[]): Forms {
  const compiled = templates.map((template) => {
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
  return {
    templates,
    match(text) {
      for (const { template, names, regex } of compiled) {
        const found = regex.exec(text);
        if (!found) continue;
        const vars: Record<string, string | number> = {};
        names.forEach((name, i) => {
          const value = found[i + 1]!;
          // A count, or any number the English wrote (grouped or not), takes the interface's digits.
          vars[name] = name === 'n' || /^\d{1,3}(,\d{3})*$|^\d+$/.test(value) ? Number(value.replace(/,/g, '')) : name === 'component' ? t(value) : value;
        });
        return { template, vars };
      }
      return null;
    },
  };
}

/** The backend's text in the interface language, if its form is known. */
export function translateBackendText(text: string, forms: Forms): string {
  // English runs through the template too, so its names are isolated like any t() value.
  const found = forms.match(text);
  return found ? t(found.template, found.vars) : text;
}
