// The common table expressions behind every count: which main category (and so which component)
// each concept reaches through the category tree, and how many concept items each concept counts
// as under the active readings. Use after `WITH RECURSIVE`.

/**
 * A category is visible unless it belongs to a reading option that is not active (db/readings.ts):
 * a hidden category is left out of the tree, the counts and the lists.
 */
export const visibleCategory = (alias: string) =>
  `(${alias}.reading_option_id IS NULL OR ${alias}.reading_option_id IN (SELECT active_option_id FROM reading))`;

/**
 * A passage `s` is counted: every coder's (the consensus coder's copies left out), the consensus
 * coder's, or one coder's (db/count-basis.ts).
 */
const BASIS = `coalesce((SELECT value FROM project_setting WHERE key = 'count_basis'), 'all')`;
export const COUNTED = `((${BASIS} = 'all' AND (s.coder_id IS NULL OR s.coder_id NOT IN (SELECT id FROM coder WHERE kind = 'consensus')))
    OR (${BASIS} = 'consensus' AND s.coder_id IN (SELECT id FROM coder WHERE kind = 'consensus'))
    OR (${BASIS} = 'coder' AND s.coder_id IN (SELECT k.id FROM coder k JOIN project_setting p ON p.key = 'count_coder' AND p.value = k.uid)))`;

/**
 * Defines `tree(main_id, category_id)`: every visible category with the main category at its top,
 * `filing(component, main_id, concept_id)`: every concept with each main category it is filed
 * under, directly or in a sub-category, and that main category's component (or NULL), and
 * `concept_weight(concept_id, weight)`: concepts the active reading options weigh other than 1
 * (each active option adds weight − 1; a concept no option names weighs 1: use coalesce), and
 * `counted_segment(id, concept_id)`: the passages the counts count (db/count-basis.ts).
 */
export const FILING_TREE = `
  tree(main_id, category_id) AS (
    SELECT id, id FROM category WHERE parent_id IS NULL AND ${visibleCategory('category')}
    UNION
    SELECT tree.main_id, c.id FROM category c JOIN tree ON c.parent_id = tree.category_id WHERE ${visibleCategory('c')}
  ),
  filing(component, main_id, concept_id) AS (
    SELECT m.component, tree.main_id, cc.concept_id
    FROM tree JOIN category m ON m.id = tree.main_id JOIN category_concept cc ON cc.category_id = tree.category_id
  ),
  counted_segment(id, concept_id) AS (
    SELECT s.id, s.concept_id FROM segment s WHERE ${COUNTED}
  ),
  concept_weight(concept_id, weight) AS MATERIALIZED (
    SELECT w.concept_id, 1 + sum(w.weight - 1)
    FROM reading_concept_weight w JOIN reading r ON r.active_option_id = w.option_id
    GROUP BY w.concept_id
  )`;
