// Interface language from the address (`?lang=fa`), read once before the first render: a stopgap
// for screenshots and tests until the language switch of the interface lands; it sets the
// catalogue, and the page's direction and language, so the layout mirrors.

import { fa } from './fa/index';
import { setLanguage } from './t';

const wanted = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('lang') : null;
if (wanted === 'fa') {
  setLanguage('fa', fa);
  document.documentElement.lang = 'fa';
  document.documentElement.dir = 'rtl';
}
