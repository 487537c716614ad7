/**
 * AGREEMENT and CALIBRATION as a user meets them: typed into cells of a spreadsheet, over ranges with blank
 * cells, evaluated by the spreadsheet engine with the built bundle's functions registered from their JSDoc.
 */
import { createRuntime } from '../runtime';
import { AS_CELLS } from './fixtures/krippendorff-2011';

// Krippendorff's published worked example (the source is cited in the fixture).
const EXAMPLE = AS_CELLS;

function sheetWithRatings() {
  const rt = createRuntime();
  rt.addSheet('Ratings');
  rt.setCells('Ratings', 'A1', [['Ada', 'Grace', 'Alan', 'Edsger']]);
  rt.setCells('Ratings', 'A2', EXAMPLE);
  return rt;
}

function rounded(value: unknown): number {
  expect(typeof value).toBe('number');
  return Math.round((value as number) * 1000) / 1000;
}

describe('AGREEMENT in cells', () => {
  it('shows the published alpha at every level, blanks read as missing', () => {
    const rt = sheetWithRatings();
    rt.setCells('Ratings', 'F1', [
      ['=AGREEMENT(A2:D13)'],
      ['=AGREEMENT(A2:D13, "ordinal")'],
      ['=AGREEMENT(A2:D13, "Nominal")'],
    ]);
    expect(rounded(rt.displayed('Ratings', 'F1'))).toBe(0.849);
    expect(rounded(rt.displayed('Ratings', 'F2'))).toBe(0.815);
    expect(rounded(rt.displayed('Ratings', 'F3'))).toBe(0.743);
    expect(rt.customFunctionServiceCalls()).toBe(0);
  });

  it('follows the cells: a changed score changes alpha', () => {
    const rt = sheetWithRatings();
    rt.setCells('Ratings', 'F1', [['=AGREEMENT(A2:D13)']]);
    const before = rt.displayed('Ratings', 'F1') as number;
    rt.setCells('Ratings', 'D7', [[1]]); // the most divided candidate: 1, 2, 3, 4 becomes 1, 2, 3, 1
    expect(rt.displayed('Ratings', 'F1')).not.toBe(before);
  });

  it('composes with native functions', () => {
    const rt = sheetWithRatings();
    rt.setCells('Ratings', 'F1', [['=IF(AGREEMENT(A2:D13)>=0.8,"consistent","check the anchors")']]);
    expect(rt.displayed('Ratings', 'F1')).toBe('consistent');
  });

  it('is blank with fewer than two candidates scored twice', () => {
    const rt = sheetWithRatings();
    rt.setCells('Ratings', 'F1', [['=AGREEMENT(A12:D13)']]);
    expect(rt.displayed('Ratings', 'F1')).toBe('');
  });

  it('a header in the range shows an error naming the value and where it is', () => {
    const rt = sheetWithRatings();
    rt.setCells('Ratings', 'F1', [['=AGREEMENT(A1:D13)']]);
    expect(rt.displayed('Ratings', 'F1')).toBe('#ERROR!');
    expect(rt.errorMessage('Ratings', 'F1')).toMatch(
      /^AGREEMENT: ratings row 1, column 1 holds "Ada", which is not a score from 1 to 5; ratings row 1, column 2 holds "Grace"/,
    );
  });

  it('an unknown level shows an error naming it', () => {
    const rt = sheetWithRatings();
    rt.setCells('Ratings', 'F1', [['=AGREEMENT(A2:D13, "ratio")']]);
    expect(rt.displayed('Ratings', 'F1')).toBe('#ERROR!');
    expect(rt.errorMessage('Ratings', 'F1')).toBe(
      'AGREEMENT: level is "ratio"; it must be "interval" (the default), "ordinal" or "nominal"',
    );
  });
});

describe('CALIBRATION in cells', () => {
  it("shows one interviewer's mean offset from the others", () => {
    const rt = sheetWithRatings();
    // Ada against the mean of the other three, per candidate; AVERAGE of an empty row is an error, so blank it.
    rt.setCells('Ratings', 'F2', [['=IFERROR(AVERAGE(B2:D2),"")']]);
    const formulas = Array.from({ length: 11 }, (_v, i) => [`=IFERROR(AVERAGE(B${i + 3}:D${i + 3}),"")`]);
    rt.setCells('Ratings', 'F3', formulas);
    rt.setCells('Ratings', 'H1', [['=CALIBRATION(A2:A13, F2:F13)']]);
    // Ada scored 9 candidates; her score minus the others' mean: 0, −1/3, 0, 0, 0, −2, 0, −1/3, 0 → −(8/3)/9.
    expect(rt.displayed('Ratings', 'H1')).toBeCloseTo(-8 / 27, 9);
  });

  it('ranges of different shapes show a clear error', () => {
    const rt = sheetWithRatings();
    rt.setCells('Ratings', 'H1', [['=CALIBRATION(A2:A13, B2:C13)']]);
    expect(rt.errorMessage('Ratings', 'H1')).toBe(
      'CALIBRATION: interviewer_scores and panel_scores must be the same shape; interviewer_scores has 12 rows and 1 column, panel_scores has 12 rows and 2 columns',
    );
  });
});
