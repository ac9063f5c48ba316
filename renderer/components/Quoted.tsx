// A user's text quoted in the interface language's marks: “English” or «فارسی». The text itself
// stays isolated (<bdi>), so a Persian label in English text, or the reverse, keeps its order.

import type { ReactNode } from 'react';
import { currentLanguage } from '../i18n/t';

export function Quoted({ children, className }: { children: ReactNode; className?: string }) {
  const [open, close] = currentLanguage() === 'fa' ? ['«', '»'] : ['“', '”'];
  return (
    <>
      {open}
      <bdi className={className}>{children}</bdi>
      {close}
    </>
  );
}
