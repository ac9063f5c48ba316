// What Groundwork hands to the REFI-QDA writer, as plain data, and the code tree it becomes: the
// paradigm model as the tree (component → main category → sub-categories → concepts), each
// concept written once, under the first category it is filed in, its other filings as sets that
// the importer turns back into filings (exchange-codebook.ts). Categories are not codable, concepts are.

import { COMPONENT_GUIDS, FILING_SET_PREFIX, derivedGuid } from './exchange-codebook';
import { glossesLine, type Glosses } from './exchange-glosses';
import { guidKey } from './exchange-model';
import { COMPONENT_KEYS, type ComponentKey } from './paradigm';

export interface ExportModel {
  name: string;
  /** Written as the file's origin, e.g. "Groundwork 0.1.0". */
  origin: string;
  users: { guid: string; name: string }[];
  components: { key: ComponentKey; label: string; memo: string }[];
  /** `glosses`: an item code and Persian/English labels, carried in the code's description. */
  categories: { guid: string; name: string; color: string | null; memo: string; parentGuid: string | null; component: ComponentKey | null; glosses?: Glosses }[];
  concepts: { guid: string; label: string; color: string | null; memo: string; glosses?: Glosses }[];
  /** In filing order: a concept's first filing is where the tree places it. */
  filings: { categoryGuid: string; conceptGuid: string }[];
  sources: {
    guid: string;
    name: string;
    /** Canonical text (NFC, LF, no BOM). */
    text: string;
    memo: string;
    createdAt: string | null;
    /** Source record fields and attributes, written as Text variables. */
    attributes: { name: string; value: string }[];
  }[];
  segments: {
    guid: string;
    sourceGuid: string;
    conceptGuid: string;
    /** UTF-16 offsets into the canonical text. */
    start: number;
    end: number;
    memo: string;
    coderGuid: string | null;
    createdAt: string | null;
  }[];
}

/** `standard`: code points, LF (REFI-QDA §10.2); `nvivo`: UTF-16 units, CR LF, as NVivo reads them. */
export type ExportUnit = 'standard' | 'nvivo';

export interface ExportCode {
  guid: string;
  name: string;
  color: string | null;
  memo: string;
  /** The glosses line (exchange-glosses.ts), or ''. */
  glosses: string;
  isCodable: boolean;
  children: ExportCode[];
}

export interface ExportTree {
  codes: ExportCode[];
  /** One per category holding concepts written elsewhere. */
  filingSets: { guid: string; name: string; description: string; conceptGuids: string[] }[];
}

export function exportTree(model: Pick<ExportModel, 'components' | 'categories' | 'concepts' | 'filings'>): ExportTree {
  const concepts = new Map(model.concepts.map((c) => [guidKey(c.guid), c]));
  const categories = new Map(model.categories.map((c) => [guidKey(c.guid), c]));
  const placed = new Map<string, string>();
  const extra = new Map<string, string[]>();
  for (const f of model.filings) {
    const concept = guidKey(f.conceptGuid);
    if (!concepts.has(concept) || !categories.has(guidKey(f.categoryGuid))) continue;
    if (!placed.has(concept)) placed.set(concept, guidKey(f.categoryGuid));
    else if (placed.get(concept) !== guidKey(f.categoryGuid)) extra.set(guidKey(f.categoryGuid), [...(extra.get(guidKey(f.categoryGuid)) ?? []), f.conceptGuid]);
  }
  const conceptsIn = new Map<string, string[]>();
  for (const c of model.concepts) {
    const at = placed.get(guidKey(c.guid)) ?? '';
    conceptsIn.set(at, [...(conceptsIn.get(at) ?? []), c.guid]);
  }
  const conceptCode = (guid: string): ExportCode => {
    const c = concepts.get(guidKey(guid))!;
    return { guid: c.guid, name: c.label, color: c.color, memo: c.memo, glosses: c.glosses ? glossesLine(c.glosses) : '', isCodable: true, children: [] };
  };
  const childrenOf = new Map<string, typeof model.categories>();
  for (const c of model.categories) {
    const parent = c.parentGuid && categories.has(guidKey(c.parentGuid)) ? guidKey(c.parentGuid) : '';
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), c]);
  }
  const categoryCode = (c: ExportModel['categories'][number], trail: Set<string>): ExportCode => ({
    guid: c.guid,
    name: c.name,
    color: c.color,
    memo: c.memo,
    glosses: c.glosses ? glossesLine(c.glosses) : '',
    isCodable: false,
    children: [
      ...(childrenOf.get(guidKey(c.guid)) ?? []).filter((k) => !trail.has(guidKey(k.guid))).map((k) => categoryCode(k, new Set([...trail, guidKey(k.guid)]))),
      ...(conceptsIn.get(guidKey(c.guid)) ?? []).map(conceptCode),
    ],
  });
  const mains = childrenOf.get('') ?? [];
  const codes: ExportCode[] = [];
  for (const key of COMPONENT_KEYS) {
    const component = model.components.find((c) => c.key === key);
    const inIt = mains.filter((m) => m.component === key);
    if (!inIt.length && !component?.memo) continue;
    codes.push({
      guid: COMPONENT_GUIDS[key],
      name: component?.label ?? key,
      color: null,
      memo: component?.memo ?? '',
      glosses: '',
      isCodable: false,
      children: inIt.map((m) => categoryCode(m, new Set([guidKey(m.guid)]))),
    });
  }
  codes.push(...mains.filter((m) => !m.component).map((m) => categoryCode(m, new Set([guidKey(m.guid)]))));
  codes.push(...(conceptsIn.get('') ?? []).map(conceptCode));
  const filingSets = [...extra].map(([category, conceptGuids]) => {
    const c = categories.get(category)!;
    return { guid: derivedGuid(c.guid, 'filing-set'), name: c.name, description: `${FILING_SET_PREFIX}${c.guid}`, conceptGuids };
  });
  return { codes, filingSets };
}
