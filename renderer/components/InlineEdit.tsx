// A text field that replaces a label while it is being renamed: Enter keeps, Esc or leaving
// without a change cancels.

import { useState } from 'react';

interface Props {
  value: string;
  label: string;
  onDone(value: string | null): void;
  placeholder?: string;
}

export function InlineEdit({ value, label, onDone, placeholder }: Props) {
  const [text, setText] = useState(value);
  const finish = (keep: boolean) => onDone(keep && text.trim() && text.trim() !== value ? text.trim() : null);
  return (
    <input
      className="gw-inline-edit"
      dir="auto"
      autoFocus
      aria-label={label}
      placeholder={placeholder}
      value={text}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(true);
        if (e.key === 'Escape') finish(false);
      }}
      onBlur={() => finish(true)}
    />
  );
}
