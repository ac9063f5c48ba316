// A text field that replaces a label while it is being renamed: Enter keeps, Esc or leaving
// without a change cancels. A label the backend would refuse (empty, invisible, too long) is never
// sent: the field stays open with the typed text and says why, so nothing typed is lost.

import { useId, useState } from 'react';
import { LABEL_MESSAGES, labelProblem } from '../../shared/domain/label-rules';
import { MAX_LABEL_LENGTH } from '../../shared/domain/limits';
import { t } from '../i18n/t';

interface Props {
  value: string;
  label: string;
  onDone(value: string | null): void;
  placeholder?: string;
}

/** The counter shows once a label passes this share of the limit, before the user reaches it. */
const SHOW_COUNT_FROM = 0.8;

export function InlineEdit({ value, label, onDone, placeholder }: Props) {
  const [text, setText] = useState(value);
  const [refused, setRefused] = useState(false);
  const hintId = useId();
  const problem = labelProblem(text);
  const finish = (keep: boolean) => {
    const next = text.trim();
    if (!keep || next === value || (problem === 'empty' && !refused)) return onDone(null);
    if (problem) return setRefused(true);
    onDone(next);
  };
  const length = text.trim().length;
  const showCount = length >= MAX_LABEL_LENGTH * SHOW_COUNT_FROM;
  const message = refused && problem ? t(LABEL_MESSAGES[problem]) : null;
  return (
    <span className="gw-inline-edit-wrap">
      <input
        className={message ? 'gw-inline-edit gw-invalid' : 'gw-inline-edit'}
        dir="auto"
        autoFocus
        aria-label={label}
        aria-invalid={message ? true : undefined}
        aria-describedby={message || showCount ? hintId : undefined}
        placeholder={placeholder}
        value={text}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => {
          setText(e.target.value);
          if (!labelProblem(e.target.value)) setRefused(false);
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') finish(true);
          if (e.key === 'Escape') onDone(null);
        }}
        onBlur={() => {
          // Leaving a refused label keeps the field open with its text rather than dropping it.
          if (!problem || problem === 'empty') finish(true);
          else setRefused(true);
        }}
      />
      {(message || showCount) && (
        <span id={hintId} className={message ? 'gw-field-hint gw-field-error' : 'gw-field-hint'} role={message ? 'alert' : undefined}>
          {message ?? t('{n} of {max} characters', { n: length, max: MAX_LABEL_LENGTH })}
        </span>
      )}
    </span>
  );
}
