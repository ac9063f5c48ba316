// What each contract method needs on the team server, in one map: every call is checked against it
// (gate.ts) before the dispatcher runs anything. A method not listed falls back to its contract's
// `mutates` flag (a change: owners only; a read: any member), and a test fails until it is listed.

/**
 * signed-in: any user, no project needed; open: a role in the project being opened; read: any
 * role in the open project (viewer, coder, owner); code: coder or owner; codebook: owner, or a
 * coder where the project lets coders change its codebook; owner: owner; admin: a server
 * administrator; local: only in the desktop app and browser mode (paths on this machine).
 */
export type Need = 'signed-in' | 'open' | 'read' | 'code' | 'codebook' | 'owner' | 'admin' | 'local';

type Rule = Need | ((input: Record<string, unknown>) => Need);

/** Coding with a new concept also changes the codebook. */
const withNewConcept: Rule = (input) => (input.newConcept !== undefined ? 'codebook' : 'code');

export const PERMISSIONS: Record<string, Rule> = {
  'app.info': 'signed-in',
  'project.current': 'signed-in',
  'project.list': 'signed-in',
  'project.close': 'signed-in',
  'project.open': 'open',
  'project.create': 'admin',
  'project.openExample': (input) => (input.fresh ? 'local' : 'admin'),
  'project.openStudy': (input) => (input.fresh ? 'local' : 'admin'),
  'project.saveCopy': 'local',
  'project.bundledWork': 'local',
  'backup.list': 'local',
  'backup.restore': 'local',

  'document.list': 'read',
  'document.get': 'read',
  'document.pageAt': 'read',
  'document.attributes': 'read',
  'document.import': 'owner',
  'document.cancelImport': 'owner',
  'document.rename': 'owner',
  'document.delete': 'owner',

  'codebook.get': 'read',
  'concept.create': 'codebook',
  'concept.update': 'codebook',
  'concept.delete': 'codebook',
  'category.create': 'codebook',
  'category.update': 'codebook',
  'category.move': 'codebook',
  'category.delete': 'codebook',
  'category.fileConcepts': 'codebook',
  'category.unfileConcepts': 'codebook',
  'component.assign': 'codebook',
  'synonym.list': 'read',
  'synonym.set': 'codebook',
  // The labels' language is the project's (everyone sees it): chosen by those who may edit the codebook.
  'labels.get': 'read',
  'labels.set': 'codebook',

  'segment.code': withNewConcept,
  'segment.uncode': 'code',
  'segment.get': 'read',
  'segment.forDocument': 'read',
  'segment.list': 'read',
  'segment.page': 'read',
  'memo.set': 'code',
  'search.query': 'read',
  'search.autocode': withNewConcept,
  'suggestion.list': 'read',
  'suggestion.reject': 'code',
  'stats.wordFrequencies': 'read',

  'history.get': 'read',
  'history.undo': 'code',
  'history.redo': 'code',
  // How much history the project keeps is the whole team's: an owner's choice.
  'history.limits': 'read',
  'history.setLimits': 'owner',

  'counts.paradigm': 'read',
  'counts.mainCategories': 'read',
  'counts.compare': 'read',
  'export.table8Csv': 'read',
  'export.segmentsCsv': 'read',
  'study.get': 'read',
  'reading.list': 'read',
  'reading.choose': 'owner',

  'maturity.get': 'read',
  'maturity.exportJson': 'read',
  'maturity.exportCsv': 'read',
  'maturity.exportXlsx': 'read',
  'maturity.addLevel': 'owner',
  'maturity.updateLevel': 'owner',
  'maturity.deleteLevel': 'owner',
  'maturity.reorderLevels': 'owner',
  'maturity.resetLevels': 'owner',
  'maturity.addDimension': 'owner',
  'maturity.updateDimension': 'owner',
  'maturity.deleteDimension': 'owner',
  'maturity.reorderDimensions': 'owner',
  'maturity.mapCategory': 'owner',
  'maturity.import': 'owner',
  'assessment.list': 'read',
  'assessment.get': 'read',
  'assessment.exportJson': 'read',
  'assessment.exportCsv': 'read',
  'assessment.exportHtml': 'read',
  'assessment.create': 'owner',
  'assessment.update': 'owner',
  'assessment.delete': 'owner',
  'assessment.rate': 'owner',

  'exchange.import': 'owner',
  'exchange.export': 'read',

  'wave.list': 'read',
  'wave.create': 'owner',
  'wave.update': 'owner',
  'wave.delete': 'owner',
  'baseline.list': 'read',
  'baseline.freeze': 'owner',
  'baseline.rename': 'owner',
  'baseline.delete': 'owner',
  'evolution.report': 'read',
  'saturation.report': 'read',
  'analysis.matrix': 'read',
  'analysis.cooccurrence': 'read',
  'analysis.crosstab': 'read',
  'analysis.export': 'read',

  'record.list': 'read',
  'record.duplicates': 'read',
  'record.create': 'owner',
  'record.update': 'owner',
  'record.delete': 'owner',
  'record.merge': 'owner',
  'record.dismissDuplicate': 'owner',
  'record.link': 'owner',
  'bibliography.import': 'owner',
  'screening.decide': 'owner',
  'screening.prisma': 'read',
  'reason.list': 'read',
  'reason.create': 'owner',
  'reason.rename': 'owner',
  'reason.delete': 'owner',
  'corpus.stats': 'read',

  // The team server's own methods (shared/api/server-contract.ts).
  'access.get': 'signed-in',
  'access.members': 'owner',
  'access.setRole': 'owner',
  'access.setCodebookRule': 'owner',
  'project.publish': 'admin',
  'project.download': 'read',

  // Team coding (issue 14, branch `team`): listed ahead so its methods are checked when it lands.
  // On the server a user codes as themselves, and merging or preparing copies names files on
  // this machine: those stay in the desktop app.
  'coder.list': 'read',
  'coder.create': 'owner',
  'coder.update': 'owner',
  'coder.session': 'read',
  'coder.use': 'local',
  'merge.preview': 'local',
  'merge.apply': 'local',
  'project.prepareCopies': 'local',
  'agreement.compute': 'read',
  'agreement.export': 'read',
  'adjudication.decide': 'owner',
  'adjudication.acceptAgreements': 'owner',
  'counts.basis': 'read',
  'counts.setBasis': 'owner',
};

/** What a call needs: its map entry, or, for a method not listed, what its `mutates` flag implies. */
export function needOf(method: string, input: unknown, mutates: boolean): Need {
  const rule = PERMISSIONS[method];
  const need = rule === undefined ? (mutates ? 'owner' : 'read') : typeof rule === 'function' ? rule((input ?? {}) as Record<string, unknown>) : rule;
  // A change never passes as a read, whatever the map says.
  return mutates && (need === 'read' || need === 'signed-in' || need === 'open') ? 'owner' : need;
}
