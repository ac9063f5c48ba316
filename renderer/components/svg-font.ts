// Vazirmatn (SIL Open Font License) as a data: URL, for SVG files that must show Persian with
// its letters joined on machines without the font. Loaded on demand (about 150 KB), only when a
// drawing is exported.

import vazirmatn from 'vazirmatn/fonts/webfonts/Vazirmatn[wght].woff2?inline';

export const VAZIRMATN_DATA_URL: string = vazirmatn;
