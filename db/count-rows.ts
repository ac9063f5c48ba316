// Every figure Table 8, the paradigm diagram and the count cascade show, from one query: the
// segments the count basis counts (counted_segment) are counted per concept once, and every other figure
// adds up those per-concept counts and concept weights (computed once, under the active
// readings) over the filing tree. The rules are Table 8's (db/counts.ts, db/filing-tree.ts):
// a concept counts once per main category and per component it reaches, once in each total.

import type { ComponentKey } from '../shared/domain/paradigm';
import type { ReadableDB } from './handles';
import { FILING_TREE, visibleCategory } from './filing-tree';

export interface MainRow {
  id: number;
  component: ComponentKey | null;
  name: string;
  label_fa: string | null;
  label_en: string | null;
  code: string | null;
  color: string;
  concepts: number;
  final_codes: number;
  /** Rank in Table 8's order (components in their order, then code, name), null outside components. */
  table8_rank: number | null;
  /** Rank in the diagrams' order (code, those without last, then name). */
  diagram_rank: number;
}

export interface ComponentRow {
  component: ComponentKey;
  main_categories: number;
  concepts: number;
  final_codes: number;
}

export interface TotalsRow {
  main_categories: number;
  concepts: number;
  final_codes: number;
  unassigned_main: number;
  unfiled: number;
  outside: number;
  unassigned_codes: number;
}

export interface CountRows {
  /** Every visible main category, in or outside a component. */
  mains: MainRow[];
  /** The six components, in their order. */
  components: ComponentRow[];
  totals: TotalsRow;
}

// One statement, so the per-concept counts are made once: rows of three kinds share its columns
// (typed in the first kind, so PostgreSQL can unite them).
const COUNT_ROWS = `
  WITH RECURSIVE ${FILING_TREE},
  concept_count(concept_id, weight, segments) AS MATERIALIZED (
    SELECT k.id, coalesce(cw.weight, 1), coalesce(sc.n, 0)
    FROM concept k
    LEFT JOIN concept_weight cw ON cw.concept_id = k.id
    LEFT JOIN (SELECT concept_id, count(*) AS n FROM counted_segment GROUP BY concept_id) sc ON sc.concept_id = k.id
  ),
  main_concept(main_id, concept_id) AS MATERIALIZED (SELECT DISTINCT main_id, concept_id FROM filing),
  component_concept(component, concept_id) AS MATERIALIZED (
    SELECT DISTINCT component, concept_id FROM filing WHERE component IS NOT NULL
  ),
  assigned(concept_id) AS MATERIALIZED (SELECT DISTINCT concept_id FROM component_concept),
  filed(concept_id) AS MATERIALIZED (SELECT DISTINCT concept_id FROM filing),
  main_sum(main_id, concepts, final_codes) AS MATERIALIZED (
    SELECT mc.main_id, sum(cc.weight), sum(cc.segments)
    FROM main_concept mc JOIN concept_count cc ON cc.concept_id = mc.concept_id GROUP BY mc.main_id
  ),
  component_sum(component, concepts, final_codes) AS MATERIALIZED (
    SELECT x.component, sum(cc.weight), sum(cc.segments)
    FROM component_concept x JOIN concept_count cc ON cc.concept_id = x.concept_id GROUP BY x.component
  ),
  mains AS MATERIALIZED (
    SELECT m.id, m.component, m.name, m.label_fa, m.label_en, m.code, m.color, pc.position
    FROM category m LEFT JOIN paradigm_component pc ON pc.key = m.component
    WHERE m.parent_id IS NULL AND ${visibleCategory('m')}
  )
  SELECT 'main' AS kind, m.id, m.component, m.name, m.label_fa, m.label_en, m.code, m.color,
    coalesce(s.concepts, 0) AS concepts, coalesce(s.final_codes, 0) AS final_codes,
    CASE WHEN m.component IS NULL THEN NULL
      ELSE row_number() OVER (ORDER BY m.component IS NULL, m.position, coalesce(m.code, ''), lower(m.name), m.id) END AS table8_rank,
    row_number() OVER (ORDER BY m.code IS NULL, m.code, lower(m.name), m.id) AS diagram_rank,
    CAST(NULL AS INTEGER) AS position, CAST(NULL AS INTEGER) AS main_categories, CAST(NULL AS INTEGER) AS unassigned_main,
    CAST(NULL AS INTEGER) AS unfiled, CAST(NULL AS INTEGER) AS outside, CAST(NULL AS INTEGER) AS unassigned_codes
  FROM mains m LEFT JOIN main_sum s ON s.main_id = m.id
  UNION ALL
  SELECT 'component', NULL, pc.key, NULL, NULL, NULL, NULL, NULL,
    coalesce(s.concepts, 0), coalesce(s.final_codes, 0), NULL, NULL,
    pc.position, (SELECT count(*) FROM mains m WHERE m.component = pc.key), NULL, NULL, NULL, NULL
  FROM paradigm_component pc LEFT JOIN component_sum s ON s.component = pc.key
  UNION ALL
  SELECT 'total', NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    (SELECT coalesce(sum(cc.weight), 0) FROM assigned a JOIN concept_count cc ON cc.concept_id = a.concept_id),
    (SELECT coalesce(sum(cc.segments), 0) FROM assigned a JOIN concept_count cc ON cc.concept_id = a.concept_id),
    NULL, NULL, NULL,
    (SELECT count(*) FROM mains m WHERE m.component IS NOT NULL),
    (SELECT count(*) FROM mains m WHERE m.component IS NULL),
    (SELECT coalesce(sum(cc.weight), 0) FROM concept_count cc WHERE cc.concept_id NOT IN (SELECT concept_id FROM filed)),
    (SELECT coalesce(sum(cc.weight), 0) FROM filed f JOIN concept_count cc ON cc.concept_id = f.concept_id
      WHERE f.concept_id NOT IN (SELECT concept_id FROM assigned)),
    (SELECT coalesce(sum(cc.segments), 0) FROM concept_count cc WHERE cc.concept_id NOT IN (SELECT concept_id FROM assigned))`;

interface RawRow {
  kind: 'main' | 'component' | 'total';
  id: number | null;
  component: ComponentKey | null;
  name: string | null;
  label_fa: string | null;
  label_en: string | null;
  code: string | null;
  color: string | null;
  concepts: number;
  final_codes: number;
  table8_rank: number | null;
  diagram_rank: number | null;
  position: number | null;
  main_categories: number | null;
  unassigned_main: number | null;
  unfiled: number | null;
  outside: number | null;
  unassigned_codes: number | null;
}

export async function countRows(db: ReadableDB): Promise<CountRows> {
  const raw = await db.all<RawRow>(COUNT_ROWS);
  const mains: MainRow[] = [];
  const components: (ComponentRow & { position: number })[] = [];
  let totals: TotalsRow | null = null;
  for (const r of raw) {
    if (r.kind === 'main') {
      mains.push({
        id: Number(r.id),
        component: r.component,
        name: r.name!,
        label_fa: r.label_fa,
        label_en: r.label_en,
        code: r.code,
        color: r.color!,
        concepts: Number(r.concepts),
        final_codes: Number(r.final_codes),
        table8_rank: r.table8_rank === null ? null : Number(r.table8_rank),
        diagram_rank: Number(r.diagram_rank),
      });
    } else if (r.kind === 'component') {
      components.push({
        component: r.component!,
        main_categories: Number(r.main_categories),
        concepts: Number(r.concepts),
        final_codes: Number(r.final_codes),
        position: Number(r.position),
      });
    } else {
      totals = {
        main_categories: Number(r.main_categories),
        concepts: Number(r.concepts),
        final_codes: Number(r.final_codes),
        unassigned_main: Number(r.unassigned_main),
        unfiled: Number(r.unfiled),
        outside: Number(r.outside),
        unassigned_codes: Number(r.unassigned_codes),
      };
    }
  }
  components.sort((a, b) => a.position - b.position);
  return { mains, components, totals: totals! };
}
