// Exports: valid against the schemas in ../shared/refi; Persian and Arabic text and labels come back
// byte for byte; a model → .qdpx → read → plan round trip keeps sources, codebook (GUIDs, colours,
// filings in two places, components), passages at the same UTF-16 offsets, memos, attributes and
// coders, in the standard's code points and in NVivo's units. Vendor samples go through the same way.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExchangeFile } from '../../../../electron/backend/exchange/read';
import { writeProjectDocument, writeQdc, writeQdpx } from '../../../../electron/backend/exchange/write';
import { COMPONENT_GUIDS } from '../../../../shared/domain/exchange-codebook';
import type { ExportModel } from '../../../../shared/domain/exchange-export';
import { guidKey } from '../../../../shared/domain/exchange-model';
import { planImport } from '../../../../shared/domain/exchange-plan';
import { REPO } from '../../../helpers/backend';
import { modelFromPlan, persianModel, validateAgainstShared } from './models';
import { REFI, sample, samples, unzipAll } from './samples';
import { english } from '../../../../shared/domain/message';

async function roundTrip(model: ExportModel, unit: 'standard' | 'nvivo' = 'standard') {
  const { bytes } = await writeQdpx(model, unit);
  const result = await readExchangeFile({ name: 'out.qdpx', bytes });
  return { bytes, result, plan: planImport(result.project) };
}

/** The parts of a model a round trip must keep, in a comparable order. */
function essentials(model: ExportModel) {
  const byGuid = <T extends { guid: string }>(list: T[]) => [...list].sort((a, b) => guidKey(a.guid).localeCompare(guidKey(b.guid)));
  return {
    sources: byGuid(model.sources).map((s) => ({ ...s, createdAt: s.createdAt, attributes: [...s.attributes].sort((a, b) => a.name.localeCompare(b.name)) })),
    categories: byGuid(model.categories),
    concepts: byGuid(model.concepts),
    filings: [...model.filings].map((f) => `${guidKey(f.categoryGuid)} ${guidKey(f.conceptGuid)}`).sort(),
    segments: byGuid(model.segments),
    components: model.components.filter((c) => c.memo || model.categories.some((k) => k.component === c.key)).sort((a, b) => a.key.localeCompare(b.key)),
  };
}

describe('the schemas Groundwork ships', () => {
  it.skipIf(!REFI)('are ../shared/refi/schemas byte for byte, and xsd.ts is generated from them', async () => {
    for (const name of ['Project.xsd', 'Codebook.xsd']) {
      expect(fs.readFileSync(path.join(REPO, 'shared/schemas/refi', name)).equals(fs.readFileSync(path.join(REFI!, 'schemas', name))), name).toBe(true);
    }
    const { generate } = (await import(path.join(REPO, 'shared/schemas/refi/generate.mjs'))) as { generate: () => string };
    expect(fs.readFileSync(path.join(REPO, 'shared/schemas/refi/xsd.ts'), 'utf8')).toBe(generate());
  });
});

describe.skipIf(!REFI)('export', () => {
  it('writes a project.qde valid against Project.xsd and a .qdc valid against Codebook.xsd', async () => {
    const model = persianModel();
    const { xml } = await writeProjectDocument(model);
    expect(await validateAgainstShared(xml, 'Project.xsd')).toEqual([]);
    const nvivo = await writeProjectDocument(model, 'nvivo');
    expect(await validateAgainstShared(nvivo.xml, 'Project.xsd')).toEqual([]);
    const qdc = await writeQdc(model);
    expect(await validateAgainstShared(qdc.bytes.toString('utf8'), 'Codebook.xsd')).toEqual([]);
    // The concept filed in two places is written once, and its second filing is a set.
    expect(xml.match(/guid="33333333-0000-4000-8000-000000000001"/g)).toHaveLength(1);
    expect(xml).toMatch(/<Set guid="[^"]+" name="همسویی فروش و بازاریابی">\s*<Description>Groundwork filing/);
    expect(qdc.bytes.toString('utf8')).toMatch(/<MemberCode guid="33333333-0000-4000-8000-000000000001"\/>/);
  });

  it('writes sources/<GUID>.txt in UTF-8, Persian and Arabic byte for byte, and positions in code points', async () => {
    const model = persianModel();
    const { bytes } = await writeQdpx(model);
    const entries = await unzipAll(bytes);
    expect([...entries.keys()].sort()).toEqual(['project.qde', ...model.sources.map((s) => `sources/${s.guid}.txt`)].sort());
    for (const s of model.sources) expect(entries.get(`sources/${s.guid}.txt`)!.equals(Buffer.from(s.text, 'utf8')), s.name).toBe(true);
    const xml = entries.get('project.qde')!.toString('utf8');
    // "😀 درباره‌ی" starts at code point 10 (UTF-16 offset 10) and ends at code point 20 (UTF-16 21).
    expect(xml).toMatch(/startPosition="10" endPosition="20"/);
    expect(xml).toContain('name="پروژه‌ی بازاریابی B2B"');
  });

  it('round trip: the same sources, codebook, passages (same UTF-16 offsets), memos, attributes and coders', async () => {
    const model = persianModel();
    const { result, plan } = await roundTrip(model);
    expect(result.issues).toEqual([]);
    expect(result.project.positions.profile).toBe('codepoint');
    const back = modelFromPlan(plan, result.project.name);
    expect(back.name).toBe(model.name);
    expect(essentials(back)).toEqual(essentials(model));
    expect(back.users).toEqual(model.users);
    // The coded passages are the same text.
    for (const s of plan.segments) {
      const source = model.sources.find((x) => x.guid === s.sourceGuid)!;
      expect(s.text).toBe(source.text.slice(s.start, s.end));
    }
  });

  it("round trip in NVivo's unit: CR LF text with a byte order mark, UTF-16 positions, read back as NVivo's", async () => {
    const model = persianModel();
    const { bytes, result, plan } = await roundTrip(model, 'nvivo');
    const entries = await unzipAll(bytes);
    const mixed = entries.get('sources/11111119-0000-4000-8000-000000000009.txt')!.toString('utf8');
    expect(mixed.startsWith('\uFEFF')).toBe(true);
    expect(mixed).toContain('\r\nline');
    // The second passage ("🙂 two…") starts after the CR LF and an emoji: UTF-16 index over the CR LF text.
    const xml = entries.get('project.qde')!.toString('utf8');
    const start = mixed.slice(1).indexOf('🙂 two');
    expect(xml).toContain(`startPosition="${start}"`);
    expect(result.project.positions.family).toBe('nvivo');
    expect(essentials(modelFromPlan(plan, result.project.name))).toEqual(essentials(model));
  });

  it('a codebook (.qdc) comes back as the same categories, concepts, filings and memos', async () => {
    const model = persianModel();
    const qdc = await writeQdc(model);
    const result = await readExchangeFile({ name: 'codebook.qdc', bytes: qdc.bytes });
    expect(result.project.format).toBe('qdc');
    const plan = planImport(result.project);
    const back = modelFromPlan(plan, '');
    expect(essentials({ ...back, sources: [], segments: [] })).toEqual(essentials({ ...model, sources: [], segments: [] }));
    expect(plan.codebook.components.map((c) => c.guid).sort()).toEqual([COMPONENT_GUIDS.causal, COMPONENT_GUIDS.strategies].sort());
  });

  it('refuses a model whose GUIDs collide, and leaves out (and says so) characters XML cannot carry', async () => {
    const model = persianModel();
    const clash = { ...model, concepts: [...model.concepts, { guid: model.categories[0]!.guid.toUpperCase(), label: 'x', color: null, memo: '' }] };
    await expect(writeQdpx(clash)).rejects.toThrow(/^GUID 44444444-0000-4000-8000-000000000001 names two things in the export model; nothing was written\.$/);
    const control = { ...model, concepts: model.concepts.map((c, i) => (i === 0 ? { ...c, label: 'bell\u0007 label', memo: 'form\ffeed' } : c)) };
    const { xml, warnings } = await writeProjectDocument(control);
    // The bell twice (the code's name and its memo note's name), the form feed once.
    expect(warnings.map(english)).toEqual(['3 characters that XML cannot carry (control characters) were left out of labels and memos.']);
    expect(xml).toContain('name="bell label"');
    expect(await validateAgainstShared(xml, 'Project.xsd')).toEqual([]);
  });

  it('each vendor sample, imported and exported again, validates and re-imports with every passage on the same text', async () => {
    for (const name of samples()) {
      const first = await readExchangeFile({ name, path: sample(name) });
      const plan = planImport(first.project);
      const model = modelFromPlan(plan, first.project.name || name);
      if (!model.categories.length && !model.concepts.length && !model.sources.length) continue;
      const { xml } = await writeProjectDocument(model);
      expect(await validateAgainstShared(xml, 'Project.xsd'), name).toEqual([]);
      const again = await roundTrip(model);
      expect(again.result.issues, name).toEqual([]);
      expect(essentials(modelFromPlan(again.plan, model.name)), name).toEqual(essentials(model));
      const passages = (p: typeof plan) => p.segments.map((s) => `${s.sourceGuid} ${s.conceptGuid} ${s.start} ${s.end} ${s.text}`).sort();
      expect(passages(again.plan), name).toEqual(passages(plan));
    }
  });
});
