// The coding bar: appears beside a selected passage. Pick or create a concept (C or Enter),
// code in vivo (I), or with the last concept used (L). Esc drops the selection.

import { useEffect, useRef, useState } from 'react';
import { inVivoLabel } from '../../../shared/domain/range';
import { Quoted } from '../../components/Quoted';
import { shortcutKey } from '../../components/shortcut-key';
import { t } from '../../i18n/t';
import { conceptLabel, useLabelLanguage } from '../study/labels';
import { useConcepts } from '../../state/project-data';
import { useStore, type TextSelection } from '../../state/store';
import { ConceptPicker } from './ConceptPicker';
import { codeSelection } from './use-coding';

const WIDTH = 340;

export function CodingBar({ selection }: { selection: TextSelection }) {
  const lang = useLabelLanguage((s) => s.lang);
  const concepts = useConcepts();
  const lastId = useStore((s) => s.lastConceptId);
  const setTextSelection = useStore((s) => s.setTextSelection);
  const [picking, setPicking] = useState(false);
  const last = concepts.find((c) => c.id === lastId);
  // Where the keyboard was when the bar opened (the reader): it goes back there when the picker
  // closes or the passage is coded, so arrows and Shift keep selecting.
  const opener = useRef<HTMLElement | null>(document.activeElement instanceof HTMLElement ? document.activeElement : null);
  const giveBack = () => {
    const now = document.activeElement;
    if (opener.current?.isConnected && (!now || now === document.body || !now.isConnected || now.closest('.gw-coding-bar'))) opener.current.focus();
  };
  useEffect(() => () => giveBack(), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable="true"]') || event.ctrlKey || event.metaKey || event.altKey) return;
      const key = shortcutKey(event);
      if (key === 'c' || key === 'enter') {
        event.preventDefault();
        setPicking(true);
      } else if (key === 'i') {
        event.preventDefault();
        void codeSelection(selection, { inVivo: true });
      } else if (key === 'l' && last) {
        event.preventDefault();
        void codeSelection(selection, { conceptId: last.id });
      } else if (key === 'escape') {
        setTextSelection(null);
        window.getSelection()?.removeAllRanges();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection, last, setTextSelection]);

  const top = Math.min(selection.rect.bottom + 8, window.innerHeight - (picking ? 300 : 90));
  // The bar starts where the selection starts in the interface's direction: under its left edge
  // in English, under its right edge in the right-to-left Persian interface.
  const anchor = document.documentElement.dir === 'rtl' ? selection.rect.right - WIDTH : selection.rect.left;
  const left = Math.max(8, Math.min(anchor, window.innerWidth - WIDTH - 8));
  const preview = selection.text.length > 60 ? `${selection.text.slice(0, 59)}…` : selection.text;

  return (
    <div className="gw-coding-bar" style={{ top, left, width: WIDTH }} role="dialog" aria-label={t('Code the selected passage')}>
      <div className="gw-coding-preview" title={selection.text}>
        <Quoted>{preview}</Quoted>
      </div>
      {picking ? (
        <ConceptPicker
          concepts={concepts}
          autoFocus
          onCancel={() => {
            setPicking(false);
            requestAnimationFrame(giveBack);
          }}
          onPick={(pick) =>
            void codeSelection(selection, pick.kind === 'existing' ? { conceptId: pick.concept.id } : { label: pick.label })
          }
        />
      ) : (
        <div className="gw-coding-actions">
          <button type="button" className="gw-button gw-primary" onClick={() => setPicking(true)}>
            {t('Code…')} <kbd>C</kbd>
          </button>
          <button type="button" className="gw-button" onClick={() => void codeSelection(selection, { inVivo: true })} title={inVivoLabel(selection.text)}>
            {t('In vivo')} <kbd>I</kbd>
          </button>
          {last && (
            <button type="button" className="gw-button" onClick={() => void codeSelection(selection, { conceptId: last.id })}>
              <span className="gw-swatch" style={{ background: last.color }} />
              <bdi className="gw-ellipsis">{conceptLabel(last, lang)}</bdi> <kbd>L</kbd>
            </button>
          )}
        </div>
      )}
    </div>
  );
}
