// The language of labels (concepts, categories, paradigm components): Persian or English, chosen
// per user and kept in localStorage. A label without a gloss in that language shows as written.

import { create } from 'zustand';
import type { Category, Concept } from '../../../shared/domain/model';
import { COMPONENT_LABELS, COMPONENT_LABELS_FA, type ComponentKey } from '../../../shared/domain/paradigm';
import { t } from '../../i18n/t';

export type LabelLanguage = 'fa' | 'en';

const KEY = 'groundwork.labelLanguage';

const stored = (): LabelLanguage => {
  try {
    return localStorage.getItem(KEY) === 'fa' ? 'fa' : 'en';
  } catch {
    return 'en';
  }
};

export const useLabelLanguage = create<{ lang: LabelLanguage; setLang(lang: LabelLanguage): void }>()((set) => ({
  lang: stored(),
  setLang(lang) {
    try {
      localStorage.setItem(KEY, lang);
    } catch {
      // Private windows may refuse storage: the choice then lasts for this session.
    }
    set({ lang });
  },
}));

type Glossed = { labelFa: string | null; labelEn: string | null };

const pick = (item: Glossed, own: string, lang: LabelLanguage) => (lang === 'fa' ? item.labelFa : item.labelEn) ?? own;
const other = (item: Glossed, own: string, lang: LabelLanguage) => {
  const gloss = lang === 'fa' ? item.labelEn : item.labelFa;
  const shown = pick(item, own, lang);
  return gloss && gloss !== shown ? gloss : null;
};

export const conceptLabel = (c: Concept, lang: LabelLanguage) => pick(c, c.label, lang);
export const conceptGloss = (c: Concept, lang: LabelLanguage) => other(c, c.label, lang);
export const categoryLabel = (c: Category, lang: LabelLanguage) => pick(c, c.name, lang);
export const categoryGloss = (c: Category, lang: LabelLanguage) => other(c, c.name, lang);

/** A component's label: the study's Persian wording, or the English name (through t()). */
export const componentLabel = (key: ComponentKey, lang: LabelLanguage) => (lang === 'fa' ? COMPONENT_LABELS_FA[key] : t(COMPONENT_LABELS[key]));
export const componentGloss = (key: ComponentKey, lang: LabelLanguage) => (lang === 'fa' ? COMPONENT_LABELS[key] : COMPONENT_LABELS_FA[key]);

/** Any label for display in the chosen language, given both glosses. */
export const glossed = (item: Glossed & { label?: string | null }, lang: LabelLanguage) =>
  (lang === 'fa' ? item.labelFa : item.labelEn) ?? item.label ?? item.labelEn ?? item.labelFa ?? '';
