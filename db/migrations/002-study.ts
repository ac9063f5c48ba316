// Schema version 2: bilingual labels and item codes, Table 7 dimensions, readings (alternative
// ways of counting that a project admits), reported figures and study facts. Generic: any project
// may use them; the study project (fixtures/study) uses them all.

import type Database from 'better-sqlite3';
import { COMPONENT_KEYS } from '../../shared/domain/paradigm';
import { createCaptureTriggers } from './legacy-capture';

export const version = 2;

export function up(db: Database.Database): void {
  const componentList = COMPONENT_KEYS.map((k) => `'${k}'`).join(', ');
  db.exec(`
    -- A dimension groups categories as a published table prints them (the study's Table 7).
    CREATE TABLE dimension (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      code TEXT NOT NULL UNIQUE,
      component TEXT REFERENCES paradigm_component (key),
      label_fa TEXT,
      label_en TEXT,
      position INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    -- A reading is a choice the material leaves open (how to count items, which categories are
    -- the main ones); exactly one option of each reading is active.
    CREATE TABLE reading (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      key TEXT NOT NULL UNIQUE,
      label_fa TEXT,
      label_en TEXT NOT NULL,
      explanation TEXT NOT NULL DEFAULT '',
      position INTEGER NOT NULL DEFAULT 0,
      active_option_id INTEGER
    ) STRICT;

    CREATE TABLE reading_option (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      reading_id INTEGER NOT NULL REFERENCES reading (id),
      key TEXT NOT NULL,
      label_fa TEXT,
      label_en TEXT NOT NULL,
      explanation TEXT NOT NULL DEFAULT '',
      interpretation INTEGER NOT NULL DEFAULT 0 CHECK (interpretation IN (0, 1)),
      position INTEGER NOT NULL DEFAULT 0,
      UNIQUE (reading_id, key)
    ) STRICT;
    CREATE INDEX reading_option_reading ON reading_option (reading_id);

    -- How many concept items a concept counts as while the option is active (default 1).
    CREATE TABLE reading_concept_weight (
      option_id INTEGER NOT NULL REFERENCES reading_option (id),
      concept_id INTEGER NOT NULL REFERENCES concept (id),
      weight INTEGER NOT NULL CHECK (weight >= 0),
      PRIMARY KEY (option_id, concept_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX reading_concept_weight_concept ON reading_concept_weight (concept_id);

    -- Where a category goes when the option becomes active.
    CREATE TABLE reading_placement (
      option_id INTEGER NOT NULL REFERENCES reading_option (id),
      category_id INTEGER NOT NULL REFERENCES category (id),
      parent_id INTEGER REFERENCES category (id),
      component TEXT REFERENCES paradigm_component (key),
      PRIMARY KEY (option_id, category_id),
      CHECK (component IS NULL OR parent_id IS NULL)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX reading_placement_category ON reading_placement (category_id);
    CREATE INDEX reading_placement_parent ON reading_placement (parent_id);

    -- Figures a publication reports, set beside the reproduced ones. component NULL: the total.
    CREATE TABLE reported_figure (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      component TEXT CHECK (component IS NULL OR component IN (${componentList})),
      measure TEXT NOT NULL CHECK (measure IN ('main_categories', 'concepts', 'final_codes')),
      value INTEGER NOT NULL,
      source TEXT NOT NULL DEFAULT '',
      UNIQUE (component, measure)
    ) STRICT;

    -- Facts about the study the project reproduces (screening figures, reasons, references), JSON.
    CREATE TABLE study_fact (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value))
    ) STRICT;

    ALTER TABLE concept ADD COLUMN label_fa TEXT;
    ALTER TABLE concept ADD COLUMN label_en TEXT;
    ALTER TABLE concept ADD COLUMN code TEXT;
    ALTER TABLE concept ADD COLUMN notes TEXT;
    ALTER TABLE category ADD COLUMN label_fa TEXT;
    ALTER TABLE category ADD COLUMN label_en TEXT;
    ALTER TABLE category ADD COLUMN code TEXT;
    ALTER TABLE category ADD COLUMN notes TEXT;
    ALTER TABLE category ADD COLUMN dimension_id INTEGER REFERENCES dimension (id);
    ALTER TABLE category ADD COLUMN reading_option_id INTEGER REFERENCES reading_option (id);
    ALTER TABLE paradigm_component ADD COLUMN label_fa TEXT;
    ALTER TABLE paradigm_component ADD COLUMN label_en TEXT;
    CREATE INDEX concept_code ON concept (code);
    CREATE INDEX category_dimension ON category (dimension_id);
    CREATE INDEX category_reading_option ON category (reading_option_id);
  `);
  for (const table of ['concept', 'category', 'paradigm_component', 'reading', 'reading_concept_weight', 'reading_placement']) {
    createCaptureTriggers(db, table);
  }
}
