// The Persian of the text the backend writes for people (errors, import reports, exchange reports,
// validation, Table 8's notes, the study's English notes, history steps): English template →
// Persian, one file per area, gathered here for the command line; the interface merges it into its
// own catalogue (renderer/i18n/fa/index.ts). A test fails on a backend template without an entry.
//
// A new file: add it to the list below.

import errors from './errors.catalog';
import imports from './import.catalog';
import exchange from './exchange.catalog';
import history from './history.catalog';
import study from './study.catalog';
import studyData from './study-data.catalog';
import maturity from './maturity.catalog';
import evolution from './evolution.catalog';
import validation from './validation.catalog';
import cli from './cli.catalog';
import safety from './safety.catalog';
import team from './team.catalog';
import server from './server.catalog';

export const BACKEND_CATALOGUES: Record<string, Record<string, string>> = {
  errors,
  import: imports,
  exchange,
  history,
  study,
  'study-data': studyData,
  maturity,
  evolution,
  validation,
  cli,
  safety,
  team,
  server,
};

export const BACKEND_FA: Record<string, string> = Object.assign({}, ...Object.values(BACKEND_CATALOGUES));
