// Text the backend writes for people, kept structured until it is shown: a stable English template
// with named {params}, and their values. English is one rendering of it (english()); the interface
// and the command line look the template up in the Persian catalogue (shared/i18n/fa) and fill in
// the values themselves, so a name is never translated and a number takes the reader's digits.

/** A value filled into a template: a name or other user text, a number, or a message of its own (translated too). */
export type MessageParam = string | number | Message;

export interface Message {
  /** The English template, the key of its translations: `There is already a concept “{label}”…`. */
  text: string;
  params?: Record<string, MessageParam>;
}

/** A message: `say('There is already a concept “{label}”; use it, or choose another label.', { label })`. */
export const say = (text: string, params?: Record<string, MessageParam>): Message => (params ? { text, params } : { text });

/**
 * One of two templates by a count, which fills `{n}`: `sayCount(n, '{n} record', '{n} records')`.
 * Each language translates both (Persian keeps the noun singular after a number).
 */
export const sayCount = (n: number, one: string, many: string, params: Record<string, MessageParam> = {}): Message =>
  say(n === 1 ? one : many, { ...params, n });

export const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && typeof (value as Message).text === 'string';

/**
 * Numbers in params with these names are written without grouping (a year, a line, a position):
 * "line 1204", never "line 1,204". Other numbers are counts and are grouped ("16,000,000").
 */
export const isUngrouped = (name: string): boolean => /year|line|start|end|offset|index|position|page|version/i.test(name);

/** A number in a param named `size` is a size with one decimal: "200.0" (sayBytes). */
export const isDecimal = (name: string): boolean => name === 'size';

/**
 * A string in a param named `…At` (takenAt) is a stored ISO 8601 time: each interface writes it as
 * a date and time in its own calendar and digits, never as stored.
 */
export const isTimestamp = (name: string): boolean => /At$/.test(name);

/** Numbers in params named `difference` or `…Difference` are signed: +2, −64 (a real minus), 0. */
export const isSigned = (name: string): boolean => /^difference$|Difference$/.test(name);

/** A signed difference in ASCII digits: "+2", "−64" (U+2212), "0"; each interface writes its own digits. */
export const signedText = (n: number, digits: (text: string) => string = (t) => t): string =>
  n === 0 ? digits('0') : `${n > 0 ? '+' : '\u2212'}${digits(String(Math.abs(n)))}`;

/** Fills a template: each {name} with the value `fill` gives it (a name not in params stays as written). */
export function fillTemplate(template: string, params: Record<string, MessageParam> | undefined, fill: (value: MessageParam, name: string) => string): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? fill(params[name]!, name) : match));
}

/** A file's problem, the file first: `badFile('a.pdf', say('the PDF is damaged…'))` reads "a.pdf: the PDF is damaged…". */
export const fileProblem = (file: string, reason: Message): Message => say('{file}: {reason}', { file, reason });

/** The message in English, as the command line and old callers read it. */
export function english(message: Message): string {
  return fillTemplate(message.text, message.params, (value, name) => {
    if (typeof value === 'number') {
      if (isSigned(name)) return signedText(value);
      if (isDecimal(name)) return value.toFixed(1);
      return isUngrouped(name) ? String(value) : value.toLocaleString('en');
    }
    return typeof value === 'string' ? value : english(value);
  });
}

/** Several messages as one: each in turn, separated by a space (a result line with its details). */
export const joined = (parts: Message[]): Message => {
  const params: Record<string, Message> = {};
  const text = parts.map((part, i) => ((params[`part${i}`] = part), `{part${i}}`)).join(' ');
  return say(text, params);
};

/** Several values as one, separated as the language separates a list (", " in English, "، " in Persian). */
export const sayList = (items: readonly MessageParam[]): Message => {
  const params: Record<string, MessageParam> = {};
  const text = items.map((item, i) => ((params[`item${i}`] = item), `{item${i}}`)).join(', ');
  return say(text, params);
};

/** Whether a template is a list made by sayList (each language writes its own separator). */
export const isList = (text: string): boolean => /^\{item0\}(, \{item\d+\})*$/.test(text);

/** A size in bytes as a message: "84 bytes", "1.5 KiB", "32 MiB" (each language writes its own unit). */
export function sayBytes(bytes: number): Message {
  const one = (n: number) => Math.round(n * 10) / 10;
  if (bytes < 1024) return say('{n} bytes', { n: bytes });
  if (bytes < 1024 * 1024) return say('{size} KiB', { size: one(bytes / 1024) });
  if (bytes < 1024 * 1024 * 1024) return say('{size} MiB', { size: one(bytes / 1024 / 1024) });
  return say('{size} GiB', { size: one(bytes / 1024 / 1024 / 1024) });
}
