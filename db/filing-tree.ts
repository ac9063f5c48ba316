// The common table expressions behind every count: which main category (and so which component)
// each concept reaches through the category tree. Use after `WITH RECURSIVE`.

/**
 * Defines `tree(main_id, category_id)`: every category with the main category at its top, and
 * `filing(component, main_id, concept_id)`: every concept with each main category it is filed
 * under, directly or in a sub-category, and that main category's component (or NULL).
 */
export const FILING_TREE = `
  tree(main_id, category_id) AS (
    SELECT id, id FROM category WHERE parent_id IS NULL
    UNION
    SELECT tree.main_id, c.id FROM category c JOIN tree ON c.parent_id = tree.category_id
  ),
  filing(component, main_id, concept_id) AS (
    SELECT m.component, tree.main_id, cc.concept_id
    FROM tree JOIN category m ON m.id = tree.main_id JOIN category_concept cc ON cc.category_id = tree.category_id
  )`;
