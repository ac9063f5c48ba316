// The coder chip in the top bar: who is coding in this window, and team work: switch coder, show
// only this coder's passages (blind coding) or one coder's, prepare copies for coders, merge a
// copy back, and the intercoder agreement view.

import { useRef, useState } from 'react';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { useAskWhoIsCoding, useCoders, useCoderSession, useTeam } from './team-store';

const MENU_WIDTH = 300;

export function CoderMenu() {
  const setView = useStore((s) => s.setView);
  const session = useCoderSession();
  const { filter, use, setFilter, openDialog } = useTeam();
  useAskWhoIsCoding();
  const [open, setOpen] = useState(false);
  // The chip shows only who is coding: the list (which every passage coded changes) while the menu is open.
  const coders = useCoders(open);
  // The menu opens toward the side with room (the chip may sit at either end of a wrapped top bar).
  const chipRef = useRef<HTMLButtonElement>(null);
  const [side, setSide] = useState<'left' | 'right'>('right');
  const toggle = () => {
    const rect = chipRef.current?.getBoundingClientRect();
    if (rect) setSide(rect.right - MENU_WIDTH < 0 ? 'left' : rect.left + MENU_WIDTH > window.innerWidth ? 'right' : document.documentElement.dir === 'rtl' ? 'left' : 'right');
    setOpen(!open);
  };

  const me = session?.coder ?? null;
  const people = coders.filter((c) => c.kind === 'person');
  return (
    <div className="gw-coder-menu">
      <button ref={chipRef} type="button" className="gw-button gw-coder-chip" aria-expanded={open} aria-haspopup="menu" onClick={toggle} data-testid="coder-chip">
        <span className="gw-swatch" style={{ background: me?.color ?? 'transparent', borderColor: me ? me.color : 'var(--gw-line)' }} />
        {me ? t('Coder: {name}', { name: me.name }) : t('No coder')}
        {filter.kind !== 'all' && <span className="gw-coder-filter-mark"> · {t('filtered')}</span>}
      </button>
      {open && (
        <div className="gw-coder-popup" style={side === 'left' ? { left: 0 } : { right: 0 }} role="menu" aria-label={t('Team coding')} onMouseLeave={() => setOpen(false)}>
          {/* A menu holds items, separators and groups only: each titled section is a group. */}
          <div role="group" aria-labelledby="gw-coder-as">
            <p className="gw-coder-section" id="gw-coder-as">{t('Coding as')}</p>
            {people.map((c) => (
              <button
                key={c.id}
                type="button"
                role="menuitemradio"
                aria-checked={me?.id === c.id}
                className="gw-coder-item"
                onClick={() => void use({ coderId: c.id }).then(() => setOpen(false))}
              >
                <span className="gw-swatch" style={{ background: c.color }} /> <bdi>{c.name}</bdi>
              </button>
            ))}
            <button type="button" role="menuitemradio" aria-checked={!me} className="gw-coder-item" onClick={() => void use({ coderId: null }).then(() => setOpen(false))}>
              {t('No coder (working alone)')}
            </button>
            <button
              type="button"
              role="menuitem"
              className="gw-coder-item"
              onClick={() => {
                setOpen(false);
                openDialog('who');
              }}
            >
              {t('New coder…')}
            </button>
          </div>
          <hr />
          <div role="group" aria-labelledby="gw-coder-show">
            <p className="gw-coder-section" id="gw-coder-show">{t('Show passages of')}</p>
            <label className="gw-coder-item">
              <input type="radio" role="menuitemradio" name="gw-coder-filter" checked={filter.kind === 'all'} onChange={() => setFilter({ kind: 'all' })} /> {t('Every coder')}
            </label>
            <label className="gw-coder-item">
              <input type="radio" role="menuitemradio" name="gw-coder-filter" checked={filter.kind === 'mine'} disabled={!me} onChange={() => setFilter({ kind: 'mine' })} />{' '}
              {t('Only mine (hide the other coders’ passages)')}
            </label>
            {coders.map((c) => (
              <label key={c.id} className="gw-coder-item">
                <input type="radio" role="menuitemradio" name="gw-coder-filter" checked={filter.kind === 'coder' && filter.id === c.id} onChange={() => setFilter({ kind: 'coder', id: c.id })} />{' '}
                <bdi>{c.kind === 'consensus' ? t('Consensus') : c.name}</bdi>
              </label>
            ))}
          </div>
          <hr />
          <MenuAction label={t('Prepare copies for coders…')} onChoose={() => openDialog('copies')} close={() => setOpen(false)} />
          <MenuAction label={t('Merge a project…')} onChoose={() => openDialog('merge')} close={() => setOpen(false)} />
          <MenuAction label={t('Intercoder agreement')} onChoose={() => setView('agreement')} close={() => setOpen(false)} />
        </div>
      )}
    </div>
  );
}

/** One action of the coder menu: it closes the menu, then opens what it names. */
function MenuAction({ label, onChoose, close }: { label: string; onChoose: () => void; close: () => void }) {
  return (
    <button
      type="button"
      role="menuitem"
      className="gw-coder-item"
      onClick={() => {
        close();
        onChoose();
      }}
    >
      {label}
    </button>
  );
}
