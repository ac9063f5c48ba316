// How a REFI-QDA code tree becomes Groundwork's codebook (categories, concepts, filings), as a
// plan of plain data; and the fixed GUIDs that let Groundwork's own exports come back unchanged.
//
// The rule, stated on screen and in the README:
// - a code with child codes becomes a category (a main category at the top level, else a
//   sub-category of its parent's category); if it also has codings, a concept of the same name is
//   filed in that category and takes its codings;
// - a code without child codes becomes a concept filed in its parent's category (unfiled at the
//   top level), except a code that has no codings and is marked not codable (isCodable="false"):
//   that is an empty category (main at the top level), as Groundwork writes its categories;
// - the six top-level codes Groundwork writes for the paradigm components are components again;
// - a set of codes becomes a main category named after the set, with its member concepts filed in
//   it; the sets Groundwork writes for a concept filed in a second place become that filing again.

import { splitGlosses, type Glosses } from './exchange-glosses';
import { guidKey, type ExchangeCode, type ExchangeSet } from './exchange-model';
import { COMPONENT_KEYS, type ComponentKey } from './paradigm';
import { say, sayCount, type Message } from './message';

/** The GUIDs Groundwork gives the six paradigm components in every export. */
export const COMPONENT_GUIDS: Record<ComponentKey, string> = {
  causal: '6a1f0c52-3c1e-4f7e-9b1a-5d0c6e2a9101',
  context: '6a1f0c52-3c1e-4f7e-9b1a-5d0c6e2a9102',
  intervening: '6a1f0c52-3c1e-4f7e-9b1a-5d0c6e2a9103',
  phenomenon: '6a1f0c52-3c1e-4f7e-9b1a-5d0c6e2a9104',
  strategies: '6a1f0c52-3c1e-4f7e-9b1a-5d0c6e2a9105',
  consequences: '6a1f0c52-3c1e-4f7e-9b1a-5d0c6e2a9106',
};

export const componentForGuid = (guid: string): ComponentKey | null =>
  COMPONENT_KEYS.find((k) => guidKey(COMPONENT_GUIDS[k]) === guidKey(guid)) ?? null;

/** Marks a set Groundwork writes for concepts also filed in a category; the GUID follows. */
export const FILING_SET_PREFIX = 'Groundwork filing: the member codes are also filed in category ';

/**
 * A GUID derived from another and a purpose, the same every time (FNV-1a over four seeds): for
 * what Groundwork must name that the file did not (the concept beside a category of the same code,
 * notes, variables, sets).
 */
export function derivedGuid(base: string, purpose: string): string {
  const input = `${guidKey(base)}|${purpose}`;
  const words = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((seed) => {
    let h = seed >>> 0;
    for (let i = 0; i < input.length; i += 1) {
      h ^= input.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  });
  const hex = words.join('');
  // Shaped as a version-4, variant-1 UUID so every tool accepts it.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface PlannedCategory {
  guid: string;
  name: string;
  color: string | null;
  /** The code's description (memos from notes are added by the import plan). */
  description: string;
  /** The code the category comes from (a set's GUID for a category made from a set). */
  fromGuid: string;
  parentGuid: string | null;
  component: ComponentKey | null;
  /** An item code and Persian/English labels a Groundwork file carries (exchange-glosses.ts). */
  glosses: Glosses | null;
}

export interface PlannedConcept {
  /** The code's GUID: codings name it. */
  guid: string;
  label: string;
  color: string | null;
  description: string;
  /** Categories it is filed in, first the one the tree gives. */
  categoryGuids: string[];
  glosses: Glosses | null;
}

export interface CodebookPlan {
  /** Component memos from the component codes' descriptions. */
  components: { key: ComponentKey; guid: string; name: string; description: string }[];
  /** Parents before their children. */
  categories: PlannedCategory[];
  concepts: PlannedConcept[];
  /** guidKey(code GUID) → what the code became: its codings go to `concept`. */
  codes: Record<string, { category: string | null; concept: string | null; component: ComponentKey | null }>;
  /** Things the rule could not place, for the report. */
  notes: Message[];
}

export function planCodebook(codes: readonly ExchangeCode[], coded: ReadonlySet<string>, sets: readonly ExchangeSet[] = []): CodebookPlan {
  const plan: CodebookPlan = { components: [], categories: [], concepts: [], codes: {}, notes: [] };
  const conceptByKey = new Map<string, PlannedConcept>();
  const isCoded = (c: ExchangeCode) => coded.has(guidKey(c.guid));

  const concept = (code: ExchangeCode, categoryGuid: string | null, guid = code.guid): PlannedConcept => {
    const { description, glosses } = splitGlosses(code.description);
    const own = !code.children.length;
    const planned: PlannedConcept = { guid, label: code.name, color: code.color, description: own ? description : '', categoryGuids: categoryGuid ? [categoryGuid] : [], glosses: own ? glosses : null };
    plan.concepts.push(planned);
    conceptByKey.set(guidKey(guid), planned);
    return planned;
  };

  const visit = (code: ExchangeCode, parentCategory: string | null, component: ComponentKey | null, top: boolean) => {
    const entry = { category: null as string | null, concept: null as string | null, component: null as ComponentKey | null };
    plan.codes[guidKey(code.guid)] = entry;
    const asComponent = top ? componentForGuid(code.guid) : null;
    if (asComponent) {
      entry.component = asComponent;
      plan.components.push({ key: asComponent, guid: code.guid, name: code.name, description: code.description });
      if (isCoded(code)) plan.notes.push(say('"{code}" is a paradigm component and cannot hold coded passages: its codings are not imported.', { code: code.name }));
      for (const child of code.children) visit(child, null, asComponent, true);
      return;
    }
    if (code.children.length || (!code.isCodable && !isCoded(code))) {
      entry.category = code.guid;
      const { description, glosses } = splitGlosses(code.description);
      plan.categories.push({ guid: code.guid, name: code.name, color: code.color, description, fromGuid: code.guid, parentGuid: parentCategory, component: parentCategory ? null : component, glosses });
      if (isCoded(code)) entry.concept = concept(code, code.guid, derivedGuid(code.guid, 'concept')).guid;
      for (const child of code.children) visit(child, code.guid, null, false);
      return;
    }
    entry.concept = concept(code, parentCategory).guid;
  };
  for (const code of codes) visit(code, null, null, true);

  for (const set of sets) {
    if (!set.codeGuids.length) continue;
    const members = set.codeGuids.map((g) => plan.codes[guidKey(g)]).filter((m) => m !== undefined);
    const filing = set.description.startsWith(FILING_SET_PREFIX) ? set.description.slice(FILING_SET_PREFIX.length).trim() : null;
    const category = filing && plan.categories.some((c) => guidKey(c.guid) === guidKey(filing)) ? filing : null;
    let target = category;
    if (!target) {
      target = set.guid;
      plan.categories.push({ guid: set.guid, name: set.name || '(unnamed set)', color: null, description: set.description, fromGuid: set.guid, parentGuid: null, component: null, glosses: null });
    }
    const unfiled: string[] = [];
    for (const [i, m] of members.entries()) {
      const c = m.concept ? conceptByKey.get(guidKey(m.concept)) : undefined;
      if (!c) unfiled.push(set.codeGuids[i]!);
      else if (!c.categoryGuids.some((g) => guidKey(g) === guidKey(target!))) c.categoryGuids.push(target);
    }
    if (unfiled.length) plan.notes.push(sayCount(unfiled.length, 'set "{set}": {n} member code became a category, not a concept, and is not filed in it.', 'set "{set}": {n} member codes became categories, not concepts, and are not filed in it.', { set: set.name }));
  }
  return plan;
}
