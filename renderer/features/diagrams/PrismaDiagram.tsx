// The PRISMA 2020 flow diagram for given figures: pure React + d3, no data fetching, so the same
// component draws live screening counts, a study's reported figures, or figures typed in.

import { forwardRef, useMemo } from 'react';
import type { PrismaFigures } from '../../../shared/domain/prisma';
import { layoutPrisma } from '../../charts/prisma-layout';
import { SceneSvg } from '../../charts/SceneSvg';
import type { Measure } from '../../charts/text-layout';
import { prismaLabels } from './chart-inputs';

export const PrismaDiagram = forwardRef<SVGSVGElement, { figures: PrismaFigures; measure: Measure; rtl?: boolean }>(function PrismaDiagram(
  { figures, measure, rtl = false },
  ref,
) {
  const scene = useMemo(() => layoutPrisma(figures, prismaLabels(), measure, { rtl }), [figures, measure, rtl]);
  return <SceneSvg ref={ref} scene={scene} testId="prisma-diagram" />;
});
