// The pure chart layouts: wrapping between words only (Persian words and ZWNJ kept whole), boxes
// that grow with their lists, mirroring for right-to-left, and the PRISMA diagram drawing a
// figure a study does not report as "not reported".

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Scene, Shape } from '../../../renderer/charts/scene';
import { layoutCascade, type CascadeStep } from '../../../renderer/charts/cascade-layout';
import { mirror, textAnchor } from '../../../renderer/charts/scene';
import { layoutParadigm, type ParadigmInput } from '../../../renderer/charts/paradigm-layout';
import { layoutPrisma } from '../../../renderer/charts/prisma-layout';
import { fixedMeasure, textDirection, widestWord, wrapText } from '../../../renderer/charts/text-layout';
import { prismaLabels } from '../../../renderer/features/diagrams/chart-inputs';
import { PrismaDiagram } from '../../../renderer/features/diagrams/PrismaDiagram';
import type { PrismaFigures } from '../../../shared/domain/prisma';
import { COMPONENT_KEYS } from '../../../shared/domain/paradigm';

const measure = fixedMeasure(0.5);
const F = { size: 10 };

describe('wrapText', () => {
  it('fills lines with whole words', () => {
    // 5 px a character: "alpha beta" is 50 px.
    expect(wrapText('alpha beta gamma delta', 55, F, measure)).toEqual(['alpha beta', 'gamma delta']);
    expect(wrapText('alpha beta gamma delta', 54, F, measure)).toEqual(['alpha beta', 'gamma', 'delta']);
  });

  it('never cuts a Persian word, and keeps a ZWNJ-joined word whole', () => {
    const text = 'کانال‌های ارتباطی بازاریابی سازمانی';
    const lines = wrapText(text, 60, F, measure);
    expect(lines).toEqual(['کانال‌های', 'ارتباطی', 'بازاریابی', 'سازمانی']);
    expect(lines.join(' ')).toBe(text);
  });

  it('gives a word wider than the line a line of its own rather than cutting it', () => {
    expect(wrapText('a verylongwordindeed b', 40, F, measure)).toEqual(['a', 'verylongwordindeed', 'b']);
    expect(widestWord('a verylongwordindeed b', F, measure)).toBe(90);
  });

  it('tells a Persian label with Latin letters right to left', () => {
    expect(textDirection('بودجه بازاریابی B2B')).toBe('rtl');
    expect(textDirection('B2B marketing budget')).toBe('ltr');
    // A long Persian name set into an English sentence leaves the sentence left to right.
    expect(textDirection('Model: \u2068مرور نظام‌مند بازاریابی صنعتی B2B\u2069')).toBe('ltr');
    expect(textDirection('\u2068مرور نظام‌مند\u2069')).toBe('rtl');
  });
});

describe('scene mirroring', () => {
  it('puts what was left at the right, with left and right alignment swapped', () => {
    const shapes: Shape[] = [
      { kind: 'rect', x: 10, y: 0, w: 30, h: 5, fill: '#fff' },
      { kind: 'text', x: 12, y: 4, text: 'a', align: 'left', dir: 'ltr', size: 10, fill: '#000' },
      { kind: 'line', points: [[0, 1], [40, 1]], stroke: '#000', width: 1, arrow: true },
      { kind: 'text', x: 50, y: 4, text: '2 · 7', align: 'right', dir: 'ltr', size: 10, fill: '#000' },
    ];
    const m = mirror({ width: 100, height: 10, title: 't', shapes });
    expect(m.shapes[0]).toMatchObject({ x: 60 });
    expect(m.shapes[1]).toMatchObject({ x: 88, align: 'right' });
    expect(m.shapes[2]).toMatchObject({ points: [[100, 1], [60, 1]] });
    // "concepts · final codes" reads right to left too: the concepts at the right.
    expect(m.shapes[3]).toMatchObject({ x: 50, align: 'left', dir: 'rtl' });
  });

  it('anchors right-to-left text at the right end for a left alignment', () => {
    expect(textAnchor('left', 'ltr')).toBe('start');
    expect(textAnchor('left', 'rtl')).toBe('end');
    expect(textAnchor('right', 'rtl')).toBe('start');
    expect(textAnchor('center', 'rtl')).toBe('middle');
  });
});

const paradigm = (categories: number, name = 'Category'): ParadigmInput => ({
  title: 'Paradigm model',
  legend: 'legend',
  boxes: Object.fromEntries(
    COMPONENT_KEYS.map((k) => [
      k,
      {
        title: k,
        figures: 'figures',
        empty: 'No main category yet',
        categories: k === 'strategies' ? Array.from({ length: categories }, (_, i) => ({ id: i + 1, name: `${name} ${i}`, color: '#336699', concepts: i, finalCodes: 2 * i })) : [],
      },
    ]),
  ) as ParadigmInput['boxes'],
});

const box = (shapes: Shape[], key: string) => shapes.find((s) => s.kind === 'rect' && s.testId === `paradigm-box-${key}`) as Extract<Shape, { kind: 'rect' }>;

describe('layoutParadigm', () => {
  it('grows a box with its list of main categories and says when a component is empty', () => {
    const small = layoutParadigm(paradigm(1), measure);
    const large = layoutParadigm(paradigm(8), measure);
    expect(box(large.shapes, 'strategies').h).toBeGreaterThan(box(small.shapes, 'strategies').h);
    expect(large.height).toBeGreaterThan(small.height);
    const empty = large.shapes.filter((s) => s.kind === 'text' && s.testId === 'paradigm-empty-causal');
    expect(empty).toMatchObject([{ text: 'No main category yet' }]);
    expect(large.shapes.filter((s) => s.kind === 'text' && s.testId?.startsWith('paradigm-count-')).map((s) => (s as { text: string }).text)).toEqual(
      Array.from({ length: 8 }, (_, i) => `${i} · ${2 * i}`),
    );
  });

  it('places causal → phenomenon → strategies → consequences left to right, context above and intervening below the strategies', () => {
    const scene = layoutParadigm(paradigm(3), measure);
    const [c, p, s, q, ctx, int] = (['causal', 'phenomenon', 'strategies', 'consequences', 'context', 'intervening'] as const).map((k) => box(scene.shapes, k));
    expect(c!.x).toBeLessThan(p!.x);
    expect(p!.x).toBeLessThan(s!.x);
    expect(s!.x).toBeLessThan(q!.x);
    expect(ctx!.x).toBe(s!.x);
    expect(ctx!.y + ctx!.h).toBeLessThan(s!.y);
    expect(int!.y).toBeGreaterThan(s!.y + s!.h);
    // No two boxes overlap, and everything is inside the drawing.
    const boxes = [c, p, s, q, ctx, int] as Extract<Shape, { kind: 'rect' }>[];
    for (const a of boxes) {
      expect(a.x + a.w).toBeLessThanOrEqual(scene.width);
      expect(a.y + a.h).toBeLessThanOrEqual(scene.height);
      for (const b of boxes) if (a !== b) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
    }
  });

  it('widens the boxes for a word that would not fit, rather than cutting it', () => {
    const normal = layoutParadigm(paradigm(1), measure);
    const wide = layoutParadigm(paradigm(1, 'بازاریابی‌های‌سازمانی‌بین‌شرکتی‌و‌دیجیتال‌و‌چندکاناله‌و‌یکپارچه‌شده'), measure);
    expect(box(wide.shapes, 'causal').w).toBeGreaterThan(box(normal.shapes, 'causal').w);
  });

  it('mirrors for a right-to-left interface: causal conditions at the right', () => {
    const scene = layoutParadigm(paradigm(1), measure, { rtl: true });
    expect(box(scene.shapes, 'causal').x).toBeGreaterThan(box(scene.shapes, 'consequences').x);
  });
});

const STUDY: PrismaFigures = {
  origin: 'reported',
  identified: 593,
  duplicatesRemoved: null,
  screened: 141,
  excludedAtScreening: null,
  assessedForEligibility: null,
  excludedAtEligibility: null,
  included: 68,
};

describe('the PRISMA flow diagram', () => {
  it('draws the study’s 593 → 141 → 68 and "not reported" for every figure it does not give', () => {
    const scene = layoutPrisma(STUDY, prismaLabels(), measure);
    const texts = scene.shapes.filter((s): s is Extract<Shape, { kind: 'text' }> => s.kind === 'text');
    const byId = (id: string) => texts.filter((s) => s.testId === id).map((s) => s.text);
    expect(byId('prisma-identified')).toEqual(['(n = 593)']);
    expect(byId('prisma-screened')).toEqual(['(n = 141)']);
    expect(byId('prisma-included')).toEqual(['(n = 68)']);
    expect(texts.filter((s) => s.text === 'not reported')).toHaveLength(4);
  });

  it('lists the reasons for exclusion and a dashed box for records awaiting a decision', () => {
    const scene = layoutPrisma(
      { ...STUDY, origin: 'live', assessedForEligibility: 80, excludedAtEligibility: [{ reason: 'Not B2B', count: 12 }], awaiting: 3 },
      prismaLabels(),
      measure,
    );
    const texts = scene.shapes.filter((s) => s.kind === 'text').map((s) => (s as { text: string }).text);
    expect(texts).toContain('Not B2B (n = 12)');
    expect(texts).toContain('Records awaiting a decision');
    expect(scene.shapes.some((s) => s.kind === 'rect' && s.dash)).toBe(true);
  });

  it('renders as a React component, from props alone', () => {
    const html = renderToStaticMarkup(createElement(PrismaDiagram, { figures: STUDY, measure }));
    expect(html).toContain('(n = 593)');
    expect(html.match(/>not reported</g)).toHaveLength(4);
    expect(html).toContain('Identification of studies via databases and registers');
  });
});

describe('layoutCascade', () => {
  const component = (key: (typeof COMPONENT_KEYS)[number], categories: { name: string; concepts: number; finalCodes: number }[]) => ({
    key,
    label: key,
    concepts: categories.reduce((s, c) => s + c.concepts, 0),
    finalCodes: categories.reduce((s, c) => s + c.finalCodes, 0),
    categories: categories.map((c, i) => ({ ...c, id: i, color: '#123456' })),
  });
  const input = (components: ReturnType<typeof component>[], weight: 'finalCodes' | 'concepts' = 'finalCodes') => ({
    title: 'Cascade',
    legend: 'legend',
    steps: [
      { value: 30, label: 'final codes' },
      { value: 6, label: 'concepts' },
      { value: 2, label: 'main categories' },
      { value: 1, label: 'components' },
    ] as [CascadeStep, CascadeStep, CascadeStep, CascadeStep],
    flowTitle: 'flow',
    components,
    unassigned: [{ id: 9, name: 'Loose', color: '#999999', concepts: 1, finalCodes: 0 }],
    unassignedLabel: 'Not placed:',
    weight,
    componentFigures: () => 'figures',
  });
  const bands = (scene: Scene) => scene.shapes.filter((s): s is Extract<Shape, { kind: 'band' }> => s.kind === 'band' && s.opacity > 0.3);

  it('draws an empty project without a single NaN', () => {
    const scene = layoutCascade(input(COMPONENT_KEYS.map((k) => component(k, []))), measure);
    expect(JSON.stringify(scene)).not.toContain('null');
    expect(Number.isFinite(scene.height)).toBe(true);
  });

  it('makes each band as thick as its main category’s final codes, or its concepts', () => {
    const data = [component('causal', [{ name: 'A', concepts: 1, finalCodes: 20 }, { name: 'B', concepts: 5, finalCodes: 10 }])];
    const [a, b] = bands(layoutCascade(input(data), measure));
    expect((a!.y0[1] - a!.y0[0]) / (b!.y0[1] - b!.y0[0])).toBeCloseTo(2);
    const [ca, cb] = bands(layoutCascade(input(data, 'concepts'), measure));
    expect((cb!.y0[1] - cb!.y0[0]) / (ca!.y0[1] - ca!.y0[0])).toBeCloseTo(5);
  });

  it('lists main categories outside every component apart, without a band', () => {
    const scene = layoutCascade(input([component('causal', [{ name: 'A', concepts: 1, finalCodes: 2 }])]), measure);
    expect(bands(scene)).toHaveLength(1);
    expect(scene.shapes.filter((s) => s.kind === 'text' && s.testId === 'cascade-unassigned').map((s) => (s as { text: string }).text)).toEqual(['Loose']);
  });
});
