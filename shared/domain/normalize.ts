// Normalisation for matching labels typed by a researcher against stored ones: Arabic and
// Persian letter variants, ZWNJ, harakat, tatweel and digit sets compare equal. Stored text is
// never changed by this; it only builds comparison keys.

const ARABIC_TO_PERSIAN: Record<string, string> = {
  '\u064A': '\u06CC', // Arabic yeh → Persian yeh
  '\u0649': '\u06CC', // alef maksura → Persian yeh
  '\u0643': '\u06A9', // Arabic kaf → keheh
  '\u0629': '\u0647', // teh marbuta → heh
};

const DIACRITICS_AND_TATWEEL = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/gu;
const JOINER_CONTROLS = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u00AD]/gu;

/** A comparison key: NFKC, case-folded, one letter form, one digit set, no ZWNJ, no harakat. */
export function matchKey(value: string): string {
  let out = value.normalize('NFKC').toLowerCase();
  out = out.replace(DIACRITICS_AND_TATWEEL, '').replace(JOINER_CONTROLS, '');
  out = out.replace(/[\u064A\u0649\u0643\u0629]/gu, (ch) => ARABIC_TO_PERSIAN[ch] ?? ch);
  out = out.replace(/[\u0660-\u0669]/gu, (d) => String(d.charCodeAt(0) - 0x0660));
  out = out.replace(/[\u06F0-\u06F9]/gu, (d) => String(d.charCodeAt(0) - 0x06f0));
  return out.replace(/\s+/gu, ' ').trim();
}

/** Labels are compared by this key for "already exists" checks and type-ahead. */
export const sameLabel = (a: string, b: string) => matchKey(a) === matchKey(b);
