// The code system: paradigm components → main categories → sub-categories → concepts, with the
// unassigned shown below. Click to focus, Ctrl/Shift-click to pick several concepts, drag to file
// or nest, F2 to rename, Delete to delete, arrow keys to move, Enter to open a branch or a
// concept's coded passages.

import { useMemo, useRef, useState } from 'react';
import type { CategoryId } from '../../../shared/domain/ids';
import { InlineEdit } from '../../components/InlineEdit';
import { num, plural, t } from '../../i18n/t';
import { categoryGloss, categoryLabel, componentGloss, componentLabel, conceptGloss, conceptLabel, useLabelLanguage } from '../study/labels';
import { useStore, type Focus } from '../../state/store';
import { deleteCategory, deleteConcept } from './actions';
import { accepts, drop, endDrag, startDrag, type DropTarget } from './drag';
import { buildRows, type TreeRow } from './tree-model';

type Creating = { kind: 'concept' } | { kind: 'category'; parentId: CategoryId | null } | null;

function focusOf(row: TreeRow): Focus {
  switch (row.type) {
    case 'component':
      return { kind: 'component', key: row.component };
    case 'group':
      return { kind: 'unassigned' };
    case 'category':
      return { kind: 'category', id: row.category.id };
    case 'concept':
      return { kind: 'concept', id: row.concept.id, categoryId: row.categoryId };
  }
}

function isFocused(row: TreeRow, focus: Focus | null): boolean {
  if (!focus) return false;
  if (row.type === 'component') return focus.kind === 'component' && focus.key === row.component;
  if (row.type === 'category') return focus.kind === 'category' && focus.id === row.category.id;
  if (row.type === 'concept') return focus.kind === 'concept' && focus.id === row.concept.id && (focus.categoryId ?? null) === row.categoryId;
  return focus.kind === 'unassigned' && row.group === 'concepts';
}

function dropTargetOf(row: TreeRow): DropTarget {
  if (row.type === 'component') return { type: 'component', key: row.component };
  if (row.type === 'group') return row.group === 'categories' ? { type: 'unassigned-categories' } : { type: 'unfiled-concepts' };
  if (row.type === 'category') return { type: 'category', id: row.category.id };
  return row.categoryId === null ? { type: 'unfiled-concepts' } : { type: 'category', id: row.categoryId };
}

/** A DOM id for a row, so the tree can name its active item (aria-activedescendant). */
const treeItemId = (key: string) => `gw-tree-${key.replace(/[^\w-]/g, '_')}`;

/**
 * Takes the keyboard to the first retrieved segment: the list reads its first page only once the
 * concept is focused, so it is waited for (a few seconds at most) rather than missed.
 */
function focusFirstSegment(waited = 0): void {
  const first = document.querySelector<HTMLElement>('.gw-segment-item');
  if (first) first.focus();
  else if (waited < 3000) window.setTimeout(() => focusFirstSegment(waited + 50), 50);
}

export function CodeTree() {
  const lang = useLabelLanguage((s) => s.lang);
  const codebook = useStore((s) => s.codebook);
  const counts = useStore((s) => s.counts);
  const focus = useStore((s) => s.focus);
  const picked = useStore((s) => s.pickedConcepts);
  const setFocus = useStore((s) => s.setFocus);
  const setPicked = useStore((s) => s.setPickedConcepts);
  const run = useStore((s) => s.run);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [renaming, setRenaming] = useState<string | null>(null);
  const [creating, setCreating] = useState<Creating>(null);
  const [over, setOver] = useState<string | null>(null);
  const anchor = useRef<number | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => buildRows(codebook, counts, collapsed), [codebook, counts, collapsed]);
  const focusedIndex = rows.findIndex((r) => isFocused(r, focus));
  const focusedCategory = focus?.kind === 'category' ? codebook.categories.find((c) => c.id === focus.id) : undefined;

  const toggle = (key: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const select = (row: TreeRow, index: number, event?: React.MouseEvent | React.KeyboardEvent) => {
    setFocus(focusOf(row));
    if (row.type !== 'concept') {
      setPicked([]);
      return;
    }
    if (event && (event.ctrlKey || event.metaKey)) {
      setPicked(picked.includes(row.concept.id) ? picked.filter((id) => id !== row.concept.id) : [...picked, row.concept.id]);
    } else if (event?.shiftKey && anchor.current !== null) {
      const [from, to] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
      const ids = rows.slice(from, to + 1).flatMap((r) => (r.type === 'concept' ? [r.concept.id] : []));
      setPicked([...new Set(ids)]);
      return;
    } else {
      setPicked([row.concept.id]);
    }
    anchor.current = index;
  };

  const rename = async (row: TreeRow, value: string | null) => {
    setRenaming(null);
    if (value === null) return;
    if (row.type === 'concept') await run('concept.update', { id: row.concept.id, label: value });
    if (row.type === 'category') await run('category.update', { id: row.category.id, name: value });
  };

  const remove = (row: TreeRow) => {
    if (row.type === 'concept') void deleteConcept(row.concept, codebook);
    if (row.type === 'category') void deleteCategory(row.category, codebook);
  };

  const create = async (value: string | null) => {
    const what = creating;
    setCreating(null);
    if (!what || value === null) return;
    if (what.kind === 'concept') {
      const concept = await run('concept.create', { label: value });
      if (concept) setFocus({ kind: 'concept', id: concept.id, categoryId: null });
    } else {
      const category = await run('category.create', { name: value, parentId: what.parentId });
      if (category) setFocus({ kind: 'category', id: category.id });
    }
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (renaming || creating) return;
    const row = rows[focusedIndex];
    const move = (to: number) => {
      const target = rows[Math.max(0, Math.min(rows.length - 1, to))];
      if (target) select(target, rows.indexOf(target));
      requestAnimationFrame(() => listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' }));
    };
    // "Open" and "close" follow the reading direction: in a right-to-left interface the tree
    // grows from the right, so ArrowLeft opens a branch and ArrowRight closes it.
    const rtl = document.documentElement.dir === 'rtl';
    const opens = rtl ? 'ArrowLeft' : 'ArrowRight';
    const closes = rtl ? 'ArrowRight' : 'ArrowLeft';
    if (event.key === 'ArrowDown') move(focusedIndex + 1);
    else if (event.key === 'ArrowUp') move(focusedIndex - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(rows.length - 1);
    else if (!row) return;
    else if (event.key === 'Enter') {
      // Enter opens: a branch opens or closes, a concept's coded passages take the keyboard
      // (Up/Down among them, Enter opens the source at one).
      const expandable = row.type === 'component' || row.type === 'group' || (row.type === 'category' && row.hasChildren);
      if (expandable) toggle(row.key);
      else focusFirstSegment();
    }
    else if (event.key === opens && collapsed.has(row.key)) toggle(row.key);
    else if (event.key === closes && !collapsed.has(row.key) && row.type !== 'concept') toggle(row.key);
    else if (event.key === 'F2' && (row.type === 'concept' || row.type === 'category')) setRenaming(row.key);
    else if (event.key === 'Delete') remove(row);
    else return;
    event.preventDefault();
  };

  const label = (row: TreeRow) => {
    switch (row.type) {
      case 'component':
        return t(row.label);
      case 'group':
        return row.group === 'categories' ? t('Main categories in no component') : t('Concepts in no category');
      case 'category':
        return row.category.name;
      case 'concept':
        return row.concept.label;
    }
  };

  // What the tree shows: labels in the chosen language (renaming edits the label itself).
  const shown = (row: TreeRow) =>
    row.type === 'concept'
      ? conceptLabel(row.concept, lang)
      : row.type === 'category'
        ? categoryLabel(row.category, lang)
        : row.type === 'component'
          ? componentLabel(row.component, lang)
          : label(row);
  const gloss = (row: TreeRow) =>
    row.type === 'concept' ? conceptGloss(row.concept, lang) : row.type === 'category' ? categoryGloss(row.category, lang) : row.type === 'component' ? componentGloss(row.component, lang) : null;

  return (
    <section className="gw-panel gw-code-tree" aria-label={t('Code system')}>
      <header className="gw-panel-header gw-stacked">
        <h2>{t('Code system')}</h2>
        <div className="gw-toolbar">
          <button type="button" className="gw-small-button" onClick={() => setCreating({ kind: 'concept' })} title={t('New concept')}>
            {t('+ Concept')}
          </button>
          <button type="button" className="gw-small-button" onClick={() => setCreating({ kind: 'category', parentId: null })} title={t('New main category')}>
            {t('+ Category')}
          </button>
          <button
            type="button"
            className="gw-small-button"
            disabled={!focusedCategory}
            onClick={() => focusedCategory && setCreating({ kind: 'category', parentId: focusedCategory.id })}
            title={focusedCategory ? t('New sub-category in “{name}”', { name: focusedCategory.name }) : t('Select a category first')}
          >
            {t('+ Sub-category')}
          </button>
        </div>
      </header>
      {creating && (
        <div className="gw-create-row">
          <InlineEdit
            value=""
            label={creating.kind === 'concept' ? t('Label of the new concept') : t('Name of the new category')}
            placeholder={
              creating.kind === 'concept'
                ? t('New concept label')
                : creating.parentId
                  ? t('New sub-category in “{name}”', { name: codebook.categories.find((c) => c.id === creating.parentId)?.name ?? '' })
                  : t('New main category name')
            }
            onDone={(value) => void create(value)}
          />
        </div>
      )}
      {picked.length > 1 && (
        <div className="gw-hint">{t('{n} concepts picked: drag one of them to move them all (hold Ctrl to file them in addition).', { n: picked.length })}</div>
      )}
      <div
        className="gw-tree"
        role="tree"
        tabIndex={0}
        ref={listRef}
        onKeyDown={onKeyDown}
        aria-label={t('Code system')}
        aria-activedescendant={focusedIndex >= 0 ? treeItemId(rows[focusedIndex]!.key) : undefined}
      >
        {rows.map((row, index) => {
          const target = dropTargetOf(row);
          const isPicked = row.type === 'concept' && picked.includes(row.concept.id);
          const expandable = row.type === 'component' || row.type === 'group' || (row.type === 'category' && row.hasChildren);
          return (
            <div
              key={row.key}
              role="treeitem"
              id={treeItemId(row.key)}
              aria-level={row.depth + 1}
              aria-selected={isFocused(row, focus)}
              aria-expanded={expandable ? !collapsed.has(row.key) : undefined}
              data-row={row.key}
              className={[
                'gw-tree-row',
                `gw-tree-${row.type}`,
                isFocused(row, focus) ? 'gw-focused' : '',
                isPicked ? 'gw-picked' : '',
                over === row.key ? 'gw-drop-over' : '',
              ].join(' ')}
              style={{ paddingInlineStart: 8 + row.depth * 16 }}
              draggable={row.type === 'concept' || row.type === 'category'}
              onDragStart={(event) => {
                if (row.type === 'concept') {
                  const ids = picked.includes(row.concept.id) ? picked : [row.concept.id];
                  startDrag(event, { type: 'concepts', ids, from: row.categoryId });
                } else if (row.type === 'category') startDrag(event, { type: 'category', id: row.category.id });
              }}
              onDragEnd={() => {
                endDrag();
                setOver(null);
              }}
              onDragOver={(event) => {
                if (!accepts(target)) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = event.ctrlKey || event.altKey ? 'copy' : 'move';
                setOver(row.key);
              }}
              onDragLeave={() => setOver((o) => (o === row.key ? null : o))}
              onDrop={(event) => {
                event.preventDefault();
                setOver(null);
                void drop(event, target, codebook);
              }}
              onClick={(event) => select(row, index, event)}
              onDoubleClick={() => (row.type === 'concept' || row.type === 'category') && setRenaming(row.key)}
            >
              <span
                className="gw-twisty"
                aria-hidden="true"
                onClick={(event) => {
                  event.stopPropagation();
                  if (expandable) toggle(row.key);
                }}
              >
                {expandable ? (collapsed.has(row.key) ? (document.documentElement.dir === 'rtl' ? '◂' : '▸') : '▾') : ''}
              </span>
              {row.type === 'concept' && <span className="gw-swatch" style={{ background: row.concept.color }} />}
              {row.type === 'category' && <span className="gw-folder" style={{ borderColor: row.category.color }} />}
              {renaming === row.key ? (
                <InlineEdit value={label(row)} label={t('New name')} onDone={(value) => void rename(row, value)} />
              ) : (
                <span className="gw-tree-label" title={[shown(row), gloss(row)].filter(Boolean).join(' — ')}>
                  <bdi>{shown(row)}</bdi>
                </span>
              )}
              {row.type === 'concept' && row.concept.inVivo && <span className="gw-badge" title={t('In-vivo concept')}>iv</span>}
              {((row.type === 'concept' && row.concept.memo) || (row.type === 'category' && row.category.memo)) && (
                <span className="gw-memo-mark" title={t('Has a memo')}>✎</span>
              )}
              <span className="gw-tree-count gw-muted">
                {row.type === 'component' && row.counts && (
                  <span title={t('main categories · concepts · final codes')}>
                    {t('{m} · {c} · {f}', { m: row.counts.mainCategories, c: row.counts.concepts, f: row.counts.finalCodes })}
                  </span>
                )}
                {row.type === 'group' && num(row.count)}
                {row.type === 'category' && (
                  <span title={`${plural(row.concepts, '{n} concept', '{n} concepts')}, ${plural(row.segments, '{n} segment', '{n} segments')}`}>
                    {t('{c} · {s}', { c: row.concepts, s: row.segments })}
                  </span>
                )}
                {row.type === 'concept' && num(row.concept.segmentCount)}
              </span>
            </div>
          );
        })}
      </div>
    </section>
  );
}
