// One row of the code system: a component, a group of unassigned items, a category or a concept,
// with its twisty, swatch, label, marks and counts. Memoised on what it shows, so a change to one
// concept's count re-renders that row only, whatever the size of the codebook.

import { memo } from 'react';
import type { ConceptId } from '../../../shared/domain/ids';
import { InlineEdit } from '../../components/InlineEdit';
import { num, plural, t } from '../../i18n/t';
import { categoryGloss, categoryLabel, componentGloss, componentLabel, conceptGloss, conceptLabel, type LabelLanguage } from '../study/labels';
import { accepts, endDrag, startDrag, type DropTarget } from './drag';
import type { TreeRow } from './tree-model';

/** What a row does; one stable object for every row (it reads the tree's latest state). */
export interface RowActions {
  select(row: TreeRow, index: number, event: React.MouseEvent): void;
  toggle(key: string): void;
  startRename(key: string): void;
  rename(row: TreeRow, value: string | null): void;
  /** The concepts a drag from this concept row carries (all those picked, if it is one of them). */
  dragged(row: TreeRow & { type: 'concept' }): ConceptId[];
  setOver(key: string | null | ((current: string | null) => string | null)): void;
  drop(event: React.DragEvent, target: DropTarget): void;
}

/** A DOM id for a row, so the tree can name its active item (aria-activedescendant). */
export const treeItemId = (key: string) => `gw-tree-${key.replace(/[^\w-]/g, '_')}`;

export function dropTargetOf(row: TreeRow): DropTarget {
  if (row.type === 'component') return { type: 'component', key: row.component };
  if (row.type === 'group') return row.group === 'categories' ? { type: 'unassigned-categories' } : { type: 'unfiled-concepts' };
  if (row.type === 'category') return { type: 'category', id: row.category.id };
  return row.categoryId === null ? { type: 'unfiled-concepts' } : { type: 'category', id: row.categoryId };
}

/** The name a row is edited by (renaming edits the label itself, not a gloss). */
export function editedName(row: TreeRow): string {
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
}

// What the tree shows: labels in the chosen language.
const shown = (row: TreeRow, lang: LabelLanguage) =>
  row.type === 'concept'
    ? conceptLabel(row.concept, lang)
    : row.type === 'category'
      ? categoryLabel(row.category, lang)
      : row.type === 'component'
        ? componentLabel(row.component, lang)
        : editedName(row);
const gloss = (row: TreeRow, lang: LabelLanguage) =>
  row.type === 'concept' ? conceptGloss(row.concept, lang) : row.type === 'category' ? categoryGloss(row.category, lang) : row.type === 'component' ? componentGloss(row.component, lang) : null;

export interface CodeTreeRowProps {
  row: TreeRow;
  index: number;
  focused: boolean;
  picked: boolean;
  over: boolean;
  renaming: boolean;
  collapsed: boolean;
  lang: LabelLanguage;
  /** The interface language: the row's texts are drawn again when it changes. */
  language: string;
  actions: RowActions;
}

function CodeTreeRowView({ row, index, focused, picked, over, renaming, collapsed, lang, actions }: CodeTreeRowProps) {
  const target = dropTargetOf(row);
  const expandable = row.type === 'component' || row.type === 'group' || (row.type === 'category' && row.hasChildren);
  return (
    <div
      id={treeItemId(row.key)}
      role="treeitem"
      aria-level={row.depth + 1}
      aria-selected={focused}
      aria-expanded={expandable ? !collapsed : undefined}
      data-row={row.key}
      className={['gw-tree-row', `gw-tree-${row.type}`, focused ? 'gw-focused' : '', picked ? 'gw-picked' : '', over ? 'gw-drop-over' : ''].join(' ')}
      style={{ paddingInlineStart: 8 + row.depth * 16 }}
      draggable={row.type === 'concept' || row.type === 'category'}
      onDragStart={(event) => {
        if (row.type === 'concept') startDrag(event, { type: 'concepts', ids: actions.dragged(row), from: row.categoryId });
        else if (row.type === 'category') startDrag(event, { type: 'category', id: row.category.id });
      }}
      onDragEnd={() => {
        endDrag();
        actions.setOver(null);
      }}
      onDragOver={(event) => {
        if (!accepts(target)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = event.ctrlKey || event.altKey ? 'copy' : 'move';
        actions.setOver(row.key);
      }}
      onDragLeave={() => actions.setOver((o) => (o === row.key ? null : o))}
      onDrop={(event) => {
        event.preventDefault();
        actions.setOver(null);
        actions.drop(event, target);
      }}
      onClick={(event) => actions.select(row, index, event)}
      onDoubleClick={() => (row.type === 'concept' || row.type === 'category') && actions.startRename(row.key)}
    >
      <span
        className="gw-twisty"
        aria-hidden="true"
        onClick={(event) => {
          event.stopPropagation();
          if (expandable) actions.toggle(row.key);
        }}
      >
        {expandable ? (collapsed ? (document.documentElement.dir === 'rtl' ? '◂' : '▸') : '▾') : ''}
      </span>
      {row.type === 'concept' && <span className="gw-swatch" style={{ background: row.concept.color }} />}
      {row.type === 'category' && <span className="gw-folder" style={{ borderColor: row.category.color }} />}
      {renaming ? (
        <InlineEdit value={editedName(row)} label={t('New name')} onDone={(value) => actions.rename(row, value)} />
      ) : (
        <span className="gw-tree-label" title={[shown(row, lang), gloss(row, lang)].filter(Boolean).join(' — ')}>
          <bdi>{shown(row, lang)}</bdi>
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
}

/** Whether two rows show the same: the codebook's unchanged concepts and categories keep their identity. */
function sameRow(a: TreeRow, b: TreeRow): boolean {
  if (a === b) return true;
  if (a.type !== b.type || a.key !== b.key || a.depth !== b.depth) return false;
  switch (a.type) {
    case 'component': {
      const o = b as typeof a;
      return a.label === o.label && a.counts?.mainCategories === o.counts?.mainCategories && a.counts?.concepts === o.counts?.concepts && a.counts?.finalCodes === o.counts?.finalCodes;
    }
    case 'group':
      return a.count === (b as typeof a).count;
    case 'category': {
      const o = b as typeof a;
      return a.category === o.category && a.concepts === o.concepts && a.segments === o.segments && a.hasChildren === o.hasChildren;
    }
    case 'concept': {
      const o = b as typeof a;
      return a.concept === o.concept && a.categoryId === o.categoryId;
    }
  }
}

export const CodeTreeRow = memo(CodeTreeRowView, (a, b) => {
  return (
    sameRow(a.row, b.row) &&
    a.index === b.index &&
    a.focused === b.focused &&
    a.picked === b.picked &&
    a.over === b.over &&
    a.renaming === b.renaming &&
    a.collapsed === b.collapsed &&
    a.lang === b.lang &&
    a.language === b.language &&
    a.actions === b.actions
  );
});
