// The language of labels (concepts, categories, paradigm components, the maturity model's levels
// and dimensions): Persian or English, one setting for every view. A label without a gloss in that
// language shows as written.
//
// The choice belongs to the project (project_setting 'labels.language', through 'labels.get' and
// 'labels.set', one undoable step), so whoever opens the project sees the labels it was set to;
// until one is chosen, labels follow the interface language. This is the single seam: read it with
// `useLabelLanguage((s) => s.lang)` and change it with `setLang`, nowhere else.

import { useEffect } from 'react';
import { create } from 'zustand';
import type { Category, Concept } from '../../../shared/domain/model';
import { COMPONENT_LABELS, COMPONENT_LABELS_FA, type ComponentKey } from '../../../shared/domain/paradigm';
import { useInterfaceLanguage } from '../../i18n/language';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { useProjectQuery } from '../../state/use-project-query';

export type LabelLanguage = 'fa' | 'en';

const following = (): LabelLanguage => (useInterfaceLanguage.getState().language === 'fa' ? 'fa' : 'en');

interface LabelLanguageState {
  /** The language labels are shown in now. */
  lang: LabelLanguage;
  /** The project's own choice; null: labels follow the interface. */
  chosen: LabelLanguage | null;
  /** Stores the choice in the project (an undoable step), and shows it at once. */
  setLang(lang: LabelLanguage): void;
}

export const useLabelLanguage = create<LabelLanguageState>()((set) => ({
  lang: following(),
  chosen: null,
  setLang(lang) {
    set({ lang, chosen: lang });
    // A project open read-only keeps its choice: the labels switch for this window only.
    if (useStore.getState().project?.readOnly) return;
    void useStore.getState().run('labels.set', { language: lang });
  },
}));

// With no project open, labels follow the interface.
useStore.subscribe((state, before) => {
  if (state.project?.path !== before.project?.path && !state.project) useLabelLanguage.setState({ chosen: null, lang: following() });
});

const languageOf = (answer: { language: LabelLanguage | null }) => answer.language;

/**
 * Follows the open project's choice: a keyed answer (labels.get), fetched when the project opens
 * and again after a change that touched its settings (an undo may have changed it). Mounted once,
 * with the workspace.
 */
export function useProjectLabelLanguage(): void {
  const language = useProjectQuery('labels.get', {}, { select: languageOf });
  useEffect(() => {
    if (language === undefined) return;
    useLabelLanguage.setState({ chosen: language, lang: language ?? following() });
  }, [language]);
}

// Without a choice of the project's, labels switch with the interface.
useInterfaceLanguage.subscribe(() => {
  if (useLabelLanguage.getState().chosen === null) useLabelLanguage.setState({ lang: following() });
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
