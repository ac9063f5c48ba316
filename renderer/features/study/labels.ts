// The language of labels (concepts, categories, paradigm components, the maturity model's levels
// and dimensions): Persian or English, one setting for every view. A label without a gloss in that
// language shows as written. Until the user chooses, labels follow the interface language.
//
// The seam for moving this choice into the project file (backend work): read it with
// `useLabelLanguage((s) => s.lang)` and change it with `setLang`, nowhere else. Today it is kept in
// localStorage under KEY; the backend would store `labelLanguage: 'fa' | 'en' | null` with the
// project (null: follow the interface) and `setLang` would call its setter.

import { create } from 'zustand';
import type { Category, Concept } from '../../../shared/domain/model';
import { COMPONENT_LABELS, COMPONENT_LABELS_FA, type ComponentKey } from '../../../shared/domain/paradigm';
import { useInterfaceLanguage } from '../../i18n/language';
import { t } from '../../i18n/t';

export type LabelLanguage = 'fa' | 'en';

const KEY = 'groundwork.labelLanguage';

/** The user's own choice, if they made one. */
const chosen = (): LabelLanguage | null => {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'fa' || value === 'en' ? value : null;
  } catch {
    return null;
  }
};

const following = (): LabelLanguage => (useInterfaceLanguage.getState().language === 'fa' ? 'fa' : 'en');

export const useLabelLanguage = create<{ lang: LabelLanguage; setLang(lang: LabelLanguage): void }>()((set) => ({
  lang: chosen() ?? following(),
  setLang(lang) {
    try {
      localStorage.setItem(KEY, lang);
    } catch {
      // Private windows may refuse storage: the choice then lasts for this session.
    }
    set({ lang });
  },
}));

// Without a choice of their own, labels switch with the interface.
useInterfaceLanguage.subscribe(() => {
  if (chosen() === null) useLabelLanguage.setState({ lang: following() });
});

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
