// The inspector: what the focused item is, what it holds, its memo, and the actions on it.
// One component per kind of item; this one picks which.

import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { CategoryInspector } from './CategoryInspector';
import { ComponentInspector } from './ComponentInspector';
import { ConceptInspector } from './ConceptInspector';
import { DocumentInspector } from './DocumentInspector';
import { SegmentInspector } from './SegmentInspector';
import { UnassignedInspector } from './UnassignedInspector';
import { RecordInspector } from './RecordInspector';

export function Inspector() {
  const focus = useStore((s) => s.focus);
  switch (focus?.kind) {
    case undefined:
      return (
        <section className="gw-panel gw-inspector" aria-label={t('Details')}>
          <p className="gw-empty">{t('Select a source, concept, category or component to see its details and memo.')}</p>
        </section>
      );
    case 'segment':
      return <SegmentInspector id={focus.id} />;
    case 'unassigned':
      return <UnassignedInspector />;
    case 'component':
      return <ComponentInspector componentKey={focus.key} />;
    case 'document':
      return <DocumentInspector id={focus.id} />;
    case 'concept':
      return <ConceptInspector id={focus.id} />;
    case 'category':
      return <CategoryInspector id={focus.id} />;
    case 'record':
      return <RecordInspector id={focus.id} />;
  }
}
