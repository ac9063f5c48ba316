// Page boundaries of PDF sources in the reader: a paragraph in which a page starts carries a small
// marker ("p. 7", the PDF's own page label when it has one) in its trailing margin, drawn by CSS
// from a data attribute, so it is never part of the text or of a selection.

import type { DocumentPage } from '../../shared/domain/model';
import { t } from '../i18n/t';
import type { ParagraphLayout } from './layout';

export function withPage(layout: ParagraphLayout, pages: readonly DocumentPage[] | undefined): ParagraphLayout {
  if (!pages || pages.length < 2) return layout;
  const { start, end } = layout.paragraph;
  const here = pages.filter((p) => p.start >= start && (p.start < end || (p.start === end && start === end)));
  if (here.length === 0) return layout;
  const page = here.map((p) => t('p. {page}', { page: p.label ?? String(p.index) })).join(' · ');
  return { ...layout, page };
}
