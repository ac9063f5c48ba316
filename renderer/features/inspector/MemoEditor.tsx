// A plain-text memo, saved as you type (after a short pause, and on leaving the field). There is
// no Save button; consecutive saves of one memo are a single undo step in the backend.

import { useEffect, useRef, useState } from 'react';
import type { MemoTarget } from '../../../shared/domain/model';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';

const PAUSE_MS = 700;

export function MemoEditor({ target, value }: { target: MemoTarget; value: string }) {
  const run = useStore((s) => s.run);
  const [text, setText] = useState(value);
  const [status, setStatus] = useState<'saved' | 'editing' | 'saving'>('saved');
  const saved = useRef(value);
  const timer = useRef(0);
  const key = JSON.stringify(target);

  // Another item, or the same one changed elsewhere (undo, another window): show what is stored.
  useEffect(() => {
    if (status !== 'editing') {
      setText(value);
      saved.current = value;
    }
  }, [key, value]);

  const save = async (next: string) => {
    window.clearTimeout(timer.current);
    if (next === saved.current) {
      setStatus('saved');
      return;
    }
    setStatus('saving');
    if ((await run('memo.set', { target, text: next })) !== undefined) saved.current = next;
    setStatus('saved');
  };

  useEffect(() => () => window.clearTimeout(timer.current), [key]);

  return (
    <div className="gw-memo">
      <label className="gw-field-label" htmlFor={`memo-${key}`}>
        {t('Memo')} <span className="gw-muted gw-memo-status">{status === 'saved' ? t('saved') : status === 'saving' ? t('saving…') : t('editing')}</span>
      </label>
      <textarea
        id={`memo-${key}`}
        className="gw-memo-text"
        dir="auto"
        value={text}
        placeholder={t('Write a memo: ideas, definitions, doubts…')}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          setStatus('editing');
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => void save(next), PAUSE_MS);
        }}
        onBlur={() => void save(text)}
      />
    </div>
  );
}
