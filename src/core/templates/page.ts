/**
 * The page an interview document is laid out for: portrait A4, or portrait US Letter where the team's locale
 * prints on Letter. Sizes are in points (1/72 inch), as Google Docs measures pages and margins.
 */

export type Paper = 'A4' | 'Letter';

export interface PageSetup {
  readonly paper: Paper;
  readonly width: number;
  readonly height: number;
  readonly marginTop: number;
  readonly marginBottom: number;
  readonly marginLeft: number;
  readonly marginRight: number;
}

/** 0.75 inch (1.9 cm) on every side: more room for notes than Docs' 1-inch default, still easy to print. */
const MARGIN = 54;

const SIZES: Readonly<Record<Paper, { width: number; height: number }>> = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
};

/** Countries (ISO 3166 codes) where US Letter is the usual paper; everywhere else prints on A4. */
const LETTER_COUNTRIES = new Set([
  'US',
  'CA',
  'MX',
  'PH',
  'CL',
  'CO',
  'VE',
  'PR',
  'GT',
  'CR',
  'PA',
  'DO',
  'SV',
  'NI',
  'HN',
]);

/** The paper for a spreadsheet locale such as "en_US", "fr_CA" or "de_DE" (A4 when the locale names no country). */
export function paperForLocale(locale: string): Paper {
  const country = /[_-]([A-Za-z]{2})\b/.exec(locale.trim())?.[1]?.toUpperCase();
  return country !== undefined && LETTER_COUNTRIES.has(country) ? 'Letter' : 'A4';
}

export function pageSetup(paper: Paper): PageSetup {
  return {
    paper,
    ...SIZES[paper],
    marginTop: MARGIN,
    marginBottom: MARGIN,
    marginLeft: MARGIN,
    marginRight: MARGIN,
  };
}

/** The width text and tables can use: the page less its side margins. */
export function contentWidth(page: PageSetup): number {
  return page.width - page.marginLeft - page.marginRight;
}
