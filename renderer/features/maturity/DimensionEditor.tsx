// Adding, renaming (Persian and English), reordering and deleting dimensions, and ticking the
// main categories whose concepts become a dimension's assessment items. Each change is one undo step.

import { useEffect, useState } from 'react';
import type { CategoryId } from '../../../shared/domain/ids';
import type { DimensionId, MaturityModel } from '../../../shared/domain/maturity';
import { confirmAction } from '../../components/confirm';
import { t } from '../../i18n/t';
import { useCodebook } from '../../state/project-data';
import { useStore } from '../../state/store';
import { type LabelLang, pick } from './use-maturity';

interface Props {
  model: MaturityModel;
  lang: LabelLang;
  selected: DimensionId | null;
  onSelect(id: DimensionId | null): void;
}

/** A text field saved when it loses focus or on Enter. */
function LabelField({ value, label, dir, onSave }: { value: string; label: string; dir: 'rtl' | 'ltr'; onSave(v: string): void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const save = () => text.trim() !== value && onSave(text.trim());
  return (
    <label className="gw-field">
      <span>{label}</span>
      <input
        dir={dir}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save();
          if (e.key === 'Escape') setText(value);
        }}
      />
    </label>
  );
}

export function DimensionEditor({ model, lang, selected, onSelect }: Props) {
  const run = useStore((s) => s.run);
  const codebook = useCodebook();
  const [newEn, setNewEn] = useState('');
  const [newFa, setNewFa] = useState('');
  const index = model.dimensions.findIndex((d) => d.id === selected);
  const dimension = index >= 0 ? model.dimensions[index]! : null;
  const mains = codebook.categories.filter((c) => c.parentId === null);
  const conceptsUnder = (id: CategoryId) => {
    const ids = new Set<CategoryId>([id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const c of codebook.categories) if (c.parentId !== null && ids.has(c.parentId) && !ids.has(c.id)) (ids.add(c.id), (grew = true));
    }
    return new Set(codebook.filings.filter((f) => ids.has(f.categoryId)).map((f) => f.conceptId)).size;
  };

  const add = async () => {
    if (!newEn.trim() && !newFa.trim()) return;
    const m = await run('maturity.addDimension', { labelEn: newEn.trim(), labelFa: newFa.trim() });
    if (!m) return;
    setNewEn('');
    setNewFa('');
    onSelect(m.dimensions[m.dimensions.length - 1]!.id);
  };

  const move = (by: number) => {
    if (!dimension) return;
    const ids = model.dimensions.map((d) => d.id);
    const target = index + by;
    if (target < 0 || target >= ids.length) return;
    [ids[index], ids[target]] = [ids[target]!, ids[index]!];
    void run('maturity.reorderDimensions', { ids });
  };

  const remove = async () => {
    if (!dimension) return;
    const yes = await confirmAction({
      title: t('Delete the dimension “{name}”?', { name: pick(dimension, lang) }),
      message: t('Its mapping and the ratings given to its items in every assessment are deleted with it. The categories and concepts stay. You can undo this.'),
      confirmLabel: t('Delete'),
      danger: true,
    });
    if (yes && (await run('maturity.deleteDimension', { id: dimension.id }))) onSelect(null);
  };

  return (
    <aside className="gw-dimension-editor" aria-label={t('Dimension editor')}>
      <form
        className="gw-add-dimension"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <h3>{t('Add a dimension')}</h3>
        <label className="gw-field">
          <span>{t('English name')}</span>
          <input dir="ltr" value={newEn} onChange={(e) => setNewEn(e.target.value)} />
        </label>
        <label className="gw-field">
          <span>{t('Persian name')}</span>
          <input dir="rtl" lang="fa" value={newFa} onChange={(e) => setNewFa(e.target.value)} />
        </label>
        <button type="submit" className="gw-button gw-primary" disabled={!newEn.trim() && !newFa.trim()}>
          {t('+ Dimension')}
        </button>
      </form>
      {dimension ? (
        <div className="gw-dimension-detail" data-testid="dimension-detail">
          <h3>
            <bdi>{pick(dimension, lang)}</bdi>
          </h3>
          <LabelField
            value={dimension.labelEn}
            label={t('English name')}
            dir="ltr"
            onSave={(labelEn) => void run('maturity.updateDimension', { id: dimension.id, labelEn })}
          />
          <LabelField
            value={dimension.labelFa}
            label={t('Persian name')}
            dir="rtl"
            onSave={(labelFa) => void run('maturity.updateDimension', { id: dimension.id, labelFa })}
          />
          <div className="gw-toolbar">
            <button type="button" className="gw-button" disabled={index === 0} onClick={() => move(-1)}>
              {t('Move up')}
            </button>
            <button type="button" className="gw-button" disabled={index === model.dimensions.length - 1} onClick={() => move(1)}>
              {t('Move down')}
            </button>
            <button type="button" className="gw-button gw-danger" onClick={() => void remove()}>
              {t('Delete dimension')}
            </button>
          </div>
          <fieldset className="gw-mapping">
            <legend>{t('Main categories whose concepts are its items')}</legend>
            {mains.length === 0 && <p className="gw-muted">{t('The project has no main categories yet: create them in the code system.')}</p>}
            {mains.map((c) => {
              const mapped = dimension.categories.some((x) => x.id === c.id);
              return (
                <label key={c.id} className="gw-check">
                  <input
                    type="checkbox"
                    checked={mapped}
                    onChange={(e) =>
                      void run('maturity.mapCategory', { dimensionId: dimension.id, categoryId: c.id, mapped: e.target.checked })
                    }
                  />
                  <span className="gw-swatch" style={{ background: c.color }} />
                  <bdi>{c.name}</bdi>
                  <span className="gw-muted gw-count">{conceptsUnder(c.id)}</span>
                </label>
              );
            })}
            {dimension.categories
              .filter((c) => !c.isMain)
              .map((c) => (
                <label key={c.id} className="gw-check">
                  <input
                    type="checkbox"
                    checked
                    onChange={() => void run('maturity.mapCategory', { dimensionId: dimension.id, categoryId: c.id, mapped: false })}
                  />
                  <bdi>{c.name}</bdi> <span className="gw-muted">{t('(now a sub-category)')}</span>
                </label>
              ))}
          </fieldset>
        </div>
      ) : (
        model.dimensions.length > 0 && <p className="gw-muted">{t('Click a dimension in the matrix to rename it, move it, or choose its main categories.')}</p>
      )}
    </aside>
  );
}
