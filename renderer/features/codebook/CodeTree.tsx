// The code system: paradigm components → main categories → sub-categories → concepts, with the
// unassigned shown below. Click to focus, Ctrl/Shift-click to pick several concepts, drag to file
// or nest, F2 to rename, Delete to delete, arrow keys to move, Enter to open a branch or a
// concept's coded passages. Only the rows near the viewport are drawn (a codebook of thousands of
// concepts stays quick), and a row is drawn again only when what it shows changed.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import type { CategoryId, ConceptId } from '../../../shared/domain/ids';
import { InlineEdit } from '../../components/InlineEdit';
import { useInterfaceLanguage } from '../../i18n/language';
import { t } from '../../i18n/t';
import { useLabelLanguage } from '../study/labels';
import { useCodebook, useParadigmCounts } from '../../state/project-data';
import { useStore, type Focus } from '../../state/store';
import { deleteCategory, deleteConcept } from './actions';
import { drop } from './drag';
import { buildRows, type TreeRow } from './tree-model';
import { CodeTreeRow, treeItemId, type RowActions } from './CodeTreeRow';

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

const NO_PICKS: ConceptId[] = [];


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
  const language = useInterfaceLanguage((s) => s.language);
  const codebook = useCodebook();
  const counts = useParadigmCounts();
  const focus = useStore((s) => s.focus);
  const pickedAll = useStore((s) => s.pickedConcepts);
  const setFocus = useStore((s) => s.setFocus);
  const setPicked = useStore((s) => s.setPickedConcepts);
  const run = useStore((s) => s.run);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [renaming, setRenaming] = useState<string | null>(null);
  const [creating, setCreating] = useState<Creating>(null);
  const [over, setOver] = useState<string | null>(null);
  const anchor = useRef<number | null>(null);
  const virtuoso = useRef<VirtuosoHandle>(null);

  const rows = useMemo(() => buildRows(codebook, counts, collapsed), [codebook, counts, collapsed]);
  // A concept picked and since deleted (here or in another window) is no longer picked.
  const picked = useMemo(() => {
    const known = new Set(codebook.concepts.map((c) => c.id));
    const kept = pickedAll.filter((id) => known.has(id));
    return kept.length === pickedAll.length ? pickedAll : kept.length ? kept : NO_PICKS;
  }, [pickedAll, codebook.concepts]);
  const pickedSet = useMemo(() => new Set(picked), [picked]);
  const focusedIndex = rows.findIndex((r) => isFocused(r, focus));
  const focusedCategory = focus?.kind === 'category' ? codebook.categories.find((c) => c.id === focus.id) : undefined;

  // Focus moved from elsewhere (a diagram, a retrieved segment, a new item): bring its row into view.
  const focusedRef = useRef(focusedIndex);
  focusedRef.current = focusedIndex;
  useEffect(() => {
    if (focusedRef.current >= 0) virtuoso.current?.scrollIntoView({ index: focusedRef.current });
  }, [focus]);

  const toggle = useCallback(
    (key: string) =>
      setCollapsed((prev) => {
        const next = new Set(prev);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );

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

  // The rows share one actions object that reads the tree's latest state, so passing it never
  // makes a row draw again.
  const latest = useRef({ select, rename, picked, codebook });
  latest.current = { select, rename, picked, codebook };
  const actions = useMemo<RowActions>(
    () => ({
      select: (row, index, event) => latest.current.select(row, index, event),
      toggle,
      startRename: setRenaming,
      rename: (row, value) => void latest.current.rename(row, value),
      dragged: (row) => (latest.current.picked.includes(row.concept.id) ? latest.current.picked : [row.concept.id]),
      setOver,
      drop: (event, target) => void drop(event, target, latest.current.codebook),
    }),
    [toggle],
  );

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (renaming || creating) return;
    const row = rows[focusedIndex];
    const move = (to: number) => {
      const index = Math.max(0, Math.min(rows.length - 1, to));
      const target = rows[index];
      if (!target) return;
      select(target, index);
      virtuoso.current?.scrollIntoView({ index });
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
      <Virtuoso
        ref={virtuoso}
        className="gw-tree"
        role="tree"
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-label={t('Code system')}
        aria-activedescendant={focusedIndex >= 0 ? treeItemId(rows[focusedIndex]!.key) : undefined}
        data={rows}
        computeItemKey={(_, row) => row.key}
        increaseViewportBy={{ top: 600, bottom: 600 }}
        itemContent={(index, row) => (
          <CodeTreeRow
            row={row}
            index={index}
            focused={isFocused(row, focus)}
            picked={row.type === 'concept' && pickedSet.has(row.concept.id)}
            over={over === row.key}
            renaming={renaming === row.key}
            collapsed={collapsed.has(row.key)}
            lang={lang}
            language={language}
            actions={actions}
          />
        )}
      />
    </section>
  );
}
