// A number field in the interface's digits: it shows ۱۲۳ (and ٫ for the decimal point) in the
// Persian interface, 123 in English, takes either as typed, and always reports ASCII digits, so
// callers parse what it gives with Number() as before.

import { type InputHTMLAttributes, useState } from 'react';
import { currentLanguage, digits } from '../i18n/t';

/** Persian and Arabic-Indic digits and separators as ASCII: "۲٫۵" → "2.5", "١٢" → "12". */
export const asciiNumber = (text: string): string =>
  text
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/٫/g, '.')
    .replace(/٬/g, '');

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange' | 'inputMode'> & {
  value: string | number;
  onChange: (ascii: string) => void;
  /** Takes a decimal point (a percentage), not only whole numbers. */
  decimal?: boolean;
};

export function NumberField({ value, onChange, decimal, ...rest }: Props) {
  // What the user is typing ("2." on the way to "2.5") stays as typed while it still means the value.
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed !== null && Number(asciiNumber(typed)) === Number(value) ? asciiNumber(typed) : String(value);
  const shown = currentLanguage() === 'fa' ? digits(text).replace(/\./g, '٫') : text;
  const change = (raw: string) => {
    setTyped(raw);
    onChange(asciiNumber(raw));
  };
  return <input {...rest} type="text" inputMode={decimal ? 'decimal' : 'numeric'} value={shown} onChange={(e) => change(e.target.value)} />;
}
