// A structured message in a language, for hosts without the interface (the command line): the
// template from the Persian catalogue (fa/), the values filled in as they are, numbers in Persian
// digits. The interface has its own renderer (renderer/i18n/message.ts), which also isolates names.

import { english, fillTemplate, isDecimal, isList, isSigned, isTimestamp, isUngrouped, signedText, type Message } from '../domain/message';
import { BACKEND_FA } from './fa/index';

export type MessageLanguage = 'en' | 'fa';

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const persianDigits = (text: string) => text.replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)]!);

export function translate(message: Message, language: MessageLanguage): string {
  if (language === 'en') return english(message);
  // A list takes the Persian comma.
  const template = isList(message.text) ? message.text.replace(/, /g, '، ') : BACKEND_FA[message.text] || message.text;
  return fillTemplate(template, message.params, (value, name) => {
    if (typeof value === 'number') {
      if (isSigned(name)) return signedText(value, persianDigits);
      if (isDecimal(name)) return value.toLocaleString('fa-IR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      return isUngrouped(name) ? persianDigits(String(value)) : value.toLocaleString('fa-IR');
    }
    if (typeof value === 'string' && isTimestamp(name) && !Number.isNaN(Date.parse(value))) {
      return new Date(value).toLocaleString('fa-IR', { dateStyle: 'medium', timeStyle: 'short' });
    }
    return typeof value === 'string' ? value : translate(value, language);
  });
}

/** The language a command asked for: `--lang fa`, else GROUNDWORK_LANG, else LANGUAGE/LC_ALL/LC_MESSAGES/LANG starting with fa. */
export function languageFrom(flag: string | undefined, env: Record<string, string | undefined>): MessageLanguage {
  const wanted = flag ?? env.GROUNDWORK_LANG ?? env.LANGUAGE?.split(':')[0] ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return /^fa\b|^fa[_-]/i.test(wanted) ? 'fa' : 'en';
}
