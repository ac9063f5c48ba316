// Until the app has a language switch of its own, `?lang=fa` in the address shows the interface in
// Persian (right-to-left): used for the Persian screenshots. Imported once, by main.tsx.

import { fa } from './fa';
import { setLanguage } from './t';

if (typeof location !== 'undefined' && new URLSearchParams(location.search).get('lang') === 'fa') {
  setLanguage('fa', fa);
  document.documentElement.lang = 'fa';
  document.documentElement.dir = 'rtl';
}
