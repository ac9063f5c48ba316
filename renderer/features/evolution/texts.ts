// The words of the evolution, saturation and analysis views that depend on data: a wave's rule,
// an attribute's name, a signed change, a label in the chosen label language. Every text is a
// literal t() call, so the Persian catalogue covers it.

import type { AxisItem, NamedCategory, NamedConcept } from '../../../shared/domain/change-view';
import type { ComponentKey } from '../../../shared/domain/paradigm';
import type { StoppingRule } from '../../../shared/domain/saturation';
import type { ImportBatch, SourceAttribute, WaveAttribute, WaveRule } from '../../../shared/domain/waves';
import { locale, num, plural, t } from '../../i18n/t';
import { componentLabel, glossed, type LabelLanguage } from '../study/labels';

/** A change with its sign, kept together in a right-to-left line (LRI … PDI). */
export const signed = (n: number) => (n === 0 ? num(0) : `\u2066${n > 0 ? '+' : '−'}${num(Math.abs(n))}\u2069`);

export const conceptName = (c: NamedConcept | undefined, lang: LabelLanguage, id?: number) => (c ? glossed(c, lang) : `#${id ?? '?'}`);
export const categoryName = (c: NamedCategory | undefined, lang: LabelLanguage, id?: number) => (c ? glossed({ ...c, label: c.name }, lang) : `#${id ?? '?'}`);

export function axisLabel(item: AxisItem, lang: LabelLanguage): string {
  if (item.kind === 'none') return t('None');
  if (item.kind === 'component') return componentLabel(item.key.slice('component:'.length) as ComponentKey, lang);
  if (item.kind === 'value') return attributeValueLabel(item.label);
  return glossed(item, lang);
}

export function attributeName(a: SourceAttribute | WaveAttribute): string {
  switch (a) {
    case 'year':
      return t('Publication year');
    case 'type':
      return t('Type');
    case 'language':
      return t('Language');
    case 'venue':
      return t('Venue');
    case 'stage':
      return t('Stage');
    case 'wave':
      return t('Wave');
    case 'keyword':
      return t('Keyword');
    default:
      // A free-form attribute (an exchange file's variable): its own name.
      return a;
  }
}

/** A record attribute's value as shown: years in the interface's digits, stages and types translated. */
export function attributeValueLabel(value: string): string {
  if (/^\d+$/.test(value)) return num(Number(value));
  switch (value) {
    case 'identified':
      return t('Identified');
    case 'screened':
      return t('Screened');
    case 'eligible':
      return t('Eligible');
    case 'included':
      return t('Included');
    case 'excluded':
      return t('Excluded');
    case 'article':
      return t('Article');
    case 'report':
      return t('Report');
    case 'book':
      return t('Book');
    case 'chapter':
      return t('Chapter');
    case 'thesis':
      return t('Thesis');
    case 'web page':
      return t('Web page');
    case 'other':
      return t('Other');
    default:
      return value;
  }
}

export const dateTime = (iso: string) => new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });

export function batchLabel(b: ImportBatch): string {
  return t('{when}: {sources}', { when: dateTime(b.importedAt), sources: plural(b.sources.length, '{n} source', '{n} sources') });
}

export function waveRuleText(rule: WaveRule): string {
  switch (rule.kind) {
    case 'batch':
      return t('Imported in {batches}', { batches: plural(rule.batches.length, '{n} batch', '{n} batches') });
    case 'years':
      return rule.from !== null && rule.to !== null
        ? t('Published {from}–{to}', { from: num(rule.from), to: num(rule.to) })
        : rule.from !== null
          ? t('Published in {from} or later', { from: num(rule.from) })
          : t('Published in {to} or earlier', { to: num(rule.to ?? 0) });
    case 'attribute':
      return t('{attribute}: {value}', { attribute: attributeName(rule.attribute), value: attributeValueLabel(rule.value) });
  }
}

export function ruleText(rule: StoppingRule | null): string {
  if (!rule) return t('No stopping rule');
  return rule.kind === 'no-new'
    ? t('No new concept in the last {k} sources', { k: rule.k })
    : t('Fewer than {p} % new concepts in the last {k} sources', { p: rule.percent, k: rule.k });
}
