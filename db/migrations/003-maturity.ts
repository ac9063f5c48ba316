// Schema version 3: the maturity model. Ordered levels (3–6; a new or upgraded project gets the
// five CMMI levels), ordered dimensions mapped to categories, and dated self-assessments with one
// rating per dimension and concept. Every table is captured, so each change undoes.

import type Database from 'better-sqlite3';
import { CMMI_LEVELS, cmmiLabelFa } from '../../shared/domain/cmmi-levels';
import { createCaptureTriggers } from './legacy-capture';

export const version = 3;

export const MATURITY_TABLES = [
  'maturity_level',
  'maturity_dimension',
  'maturity_dimension_category',
  'maturity_assessment',
  'maturity_rating',
] as const;

export function up(db: Database.Database): void {
  db.exec(`
    -- position orders the levels; a level's value (1 = lowest) is its rank by position.
    CREATE TABLE maturity_level (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      position INTEGER NOT NULL,
      label_fa TEXT NOT NULL,
      label_en TEXT NOT NULL,
      description_fa TEXT NOT NULL DEFAULT '',
      description_en TEXT NOT NULL DEFAULT '',
      characteristics_fa TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(characteristics_fa)),
      characteristics_en TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(characteristics_en)),
      CHECK (length(trim(label_fa)) > 0 OR length(trim(label_en)) > 0)
    ) STRICT;

    CREATE TABLE maturity_dimension (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      position INTEGER NOT NULL,
      label_fa TEXT NOT NULL,
      label_en TEXT NOT NULL,
      CHECK (length(trim(label_fa)) > 0 OR length(trim(label_en)) > 0)
    ) STRICT;

    -- A dimension's assessment items are the concepts under these categories (sub-categories included).
    CREATE TABLE maturity_dimension_category (
      dimension_id INTEGER NOT NULL REFERENCES maturity_dimension (id) ON DELETE CASCADE,
      category_id INTEGER NOT NULL REFERENCES category (id) ON DELETE CASCADE,
      PRIMARY KEY (dimension_id, category_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX maturity_dimension_category_category ON maturity_dimension_category (category_id);

    CREATE TABLE maturity_assessment (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      organisation TEXT NOT NULL DEFAULT '',
      assessed_on TEXT NOT NULL CHECK (assessed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      created_at TEXT NOT NULL
    ) STRICT;

    -- One row per rated item: a level, or not applicable (level_id NULL). No row = unrated.
    CREATE TABLE maturity_rating (
      assessment_id INTEGER NOT NULL REFERENCES maturity_assessment (id) ON DELETE CASCADE,
      dimension_id INTEGER NOT NULL REFERENCES maturity_dimension (id) ON DELETE CASCADE,
      concept_id INTEGER NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
      level_id INTEGER REFERENCES maturity_level (id) ON DELETE CASCADE,
      not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),
      CHECK ((level_id IS NULL) = (not_applicable = 1)),
      PRIMARY KEY (assessment_id, dimension_id, concept_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX maturity_rating_dimension ON maturity_rating (dimension_id);
    CREATE INDEX maturity_rating_concept ON maturity_rating (concept_id);
    CREATE INDEX maturity_rating_level ON maturity_rating (level_id);
  `);
  const insert = db.prepare(
    `INSERT INTO maturity_level (position, label_fa, label_en, description_fa, description_en, characteristics_fa, characteristics_en)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const level of CMMI_LEVELS) {
    insert.run(
      level.level,
      cmmiLabelFa(level),
      level.nameEn,
      level.descriptionFa,
      level.descriptionEn,
      JSON.stringify(level.characteristicsFa),
      JSON.stringify(level.characteristicsEn),
    );
  }
  for (const table of MATURITY_TABLES) createCaptureTriggers(db, table);
}
