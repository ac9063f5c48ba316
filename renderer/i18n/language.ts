// The interface language (English or Persian), remembered per user in localStorage and applied
// without a reload: <html lang dir> switches (so the whole layout mirrors under dir="rtl"), t()
// switches catalogue, and the app re-renders from its root, which subscribes to this store.

import { create } from 'zustand';
import { fa } from './fa';
import { setLanguage, t } from './t';

export type InterfaceLanguage = 'en' | 'fa';

/** Each language named in itself, so a user who reads only one of them can find it. */
export const INTERFACE_LANGUAGES: { code: InterfaceLanguage; name: string; dir: 'ltr' | 'rtl' }[] = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fa', name: 'فارسی', dir: 'rtl' },
];

const STORAGE_KEY = 'groundwork.interfaceLanguage';

function remembered(): InterfaceLanguage {
  // `?lang=fa` (or `en`) in the address wins: a link, a screenshot or a test can ask for a language.
  const asked = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('lang') : null;
  if (asked === 'fa' || asked === 'en') return asked;
  try {
    return localStorage.getItem(STORAGE_KEY) === 'fa' ? 'fa' : 'en';
  } catch {
    return 'en';
  }
}

function apply(language: InterfaceLanguage): void {
  setLanguage(language, language === 'fa' ? fa : undefined);
  const root = document.documentElement;
  root.lang = language;
  root.dir = INTERFACE_LANGUAGES.find((l) => l.code === language)!.dir;
  document.title = t('Groundwork');
}

export const useInterfaceLanguage = create<{ language: InterfaceLanguage; setInterfaceLanguage(language: InterfaceLanguage): void }>()(
  (set) => ({
    language: remembered(),
    setInterfaceLanguage(language) {
      try {
        localStorage.setItem(STORAGE_KEY, language);
      } catch {
        // Storage refused (private window): the choice still holds until the window closes.
      }
      apply(language);
      set({ language });
    },
  }),
);

// Applied once at load, before the first render, so a Persian user never sees the English layout.
apply(useInterfaceLanguage.getState().language);
