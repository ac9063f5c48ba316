// The interface-language switch (English / فارسی), on the start screen and in the top bar. Each
// language is named in itself; the choice applies at once and is remembered for this user.

import { INTERFACE_LANGUAGES, useInterfaceLanguage, type InterfaceLanguage } from '../i18n/language';
import { t } from '../i18n/t';

export function LanguageSwitch() {
  const language = useInterfaceLanguage((s) => s.language);
  const setLanguage = useInterfaceLanguage((s) => s.setInterfaceLanguage);
  return (
    <select
      className="gw-language-switch"
      value={language}
      aria-label={t('Interface language')}
      title={t('Interface language')}
      data-testid="interface-language"
      onChange={(event) => setLanguage(event.target.value as InterfaceLanguage)}
    >
      {INTERFACE_LANGUAGES.map((l) => (
        <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
          {l.name}
        </option>
      ))}
    </select>
  );
}
