// The top bar's switch between Persian and English labels for concepts, categories and components.

import './study.css';
import { t } from '../../i18n/t';
import { useLabelLanguage } from './labels';

export function LabelLanguageSwitch() {
  const lang = useLabelLanguage((s) => s.lang);
  const setLang = useLabelLanguage((s) => s.setLang);
  return (
    <div className="gw-segmented" role="group" aria-label={t('Language of labels')} title={t('Language of concept, category and component labels')}>
      <span className="gw-seg-caption">{t('Labels')}</span>
      <button type="button" className={lang === 'fa' ? 'gw-seg gw-active' : 'gw-seg'} aria-pressed={lang === 'fa'} onClick={() => setLang('fa')} lang="fa" data-autonym>
        فارسی
      </button>
      <button type="button" className={lang === 'en' ? 'gw-seg gw-active' : 'gw-seg'} aria-pressed={lang === 'en'} onClick={() => setLang('en')} lang="en" data-autonym>
        English
      </button>
    </div>
  );
}
