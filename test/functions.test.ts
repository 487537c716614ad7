import fc from 'fast-check';
import { AGREEMENT, CALIBRATION, DIVERGENT, PASSES, PASS_REASON, RUBRIC_AVERAGE } from '../src/functions';
import { AS_CELLS } from './fixtures/krippendorff-2011';

const KEY_RISK_FIRST = [[true, false, false]];

describe('PASSES on one row', () => {
  it.each([
    [[[4, 4, 4]], true],
    [[[5, 5, 2]], false], // average 4 but one category below 3
    [[[3, 5, 4]], true],
    [[[3.9, 4, 4]], false], // average 3.97 < 4
  ])('%j without key risk → %s', (scores, expected) => {
    expect(PASSES(scores)).toBe(expected);
  });

  it('fails a key-risk category below 4 even when the average passes', () => {
    expect(PASSES([[3, 5, 5]], KEY_RISK_FIRST)).toBe(false);
    expect(PASSES([[4, 5, 5]], KEY_RISK_FIRST)).toBe(true);
  });

  it('accepts key risk as text "key risk" / "yes" in any case, and ignores other text', () => {
    expect(PASSES([[3, 5, 5]], [['Key Risk', '', '']])).toBe(false);
    expect(PASSES([[3, 5, 5]], [[' YES ', '', '']])).toBe(false);
    expect(PASSES([[3, 5, 5]], [['no', 'maybe', false]])).toBe(true);
  });

  it('is blank while any score is missing, even if the rest would pass', () => {
    expect(PASSES([[5, '', 5]])).toBe('');
  });

  it('treats a value within 1e-9 of a threshold as meeting it', () => {
    const almostFour = 4 - 1e-12;
    expect(PASSES([[almostFour, almostFour, almostFour]])).toBe(true);
    expect(PASSES([[0.1 + 0.2 + 3.7, 4, 4]])).toBe(true);
  });

  it('counts numbers typed as text', () => {
    expect(PASSES([['4', ' 4.5 ', 4]])).toBe(true);
  });

  it('takes a single cell as a value', () => {
    expect(PASSES(4)).toBe(true);
    expect(PASSES(2)).toBe(false);
  });

  it('uses custom thresholds, typed as numbers or text', () => {
    expect(PASSES([[3.5, 3.5, 3.5]], undefined, 3.5)).toBe(true);
    expect(PASSES([[3.5, 3.5, 3.5]], undefined, '3.5', '3', '4')).toBe(true);
    expect(PASSES([[4.5, 4.5, 4]], KEY_RISK_FIRST, 4, 3, 4.5)).toBe(true);
    expect(PASSES([[4, 5, 5]], KEY_RISK_FIRST, 4, 3, 4.5)).toBe(false);
  });
});

describe('PASSES on a block', () => {
  it('returns one value per row as a column', () => {
    expect(
      PASSES([
        [4, 4, 4],
        [2, 5, 5],
        [4, '', 4],
      ]),
    ).toEqual([[true], [false], ['']]);
  });

  it('marks only the bad row #INVALID and still answers the others', () => {
    const result = PASSES([
      [4, 4, 4],
      [4, 'abc', 4],
      [1, 1, 1],
    ]) as unknown[][];
    expect(result[0][0]).toBe(true);
    expect(result[2][0]).toBe(false);
    expect(result[1][0]).toMatch(/^#INVALID/);
    expect(result[1][0]).toContain('row 2, column 2');
    expect(result[1][0]).toContain('"abc"');
  });
});

describe('bad input names the value and where it is', () => {
  it.each([
    ['text', 'great', /row 1, column 2 holds "great"/],
    ['zero', 0, /row 1, column 2 holds 0.*1 to 5/],
    ['six', 6, /row 1, column 2 holds 6/],
    ['TRUE', true, /row 1, column 2 holds TRUE/],
    ['a date', new Date('2024-03-01T00:00:00Z'), /row 1, column 2 holds the date 2024-03-01/],
    ['an error value', '#N/A', /row 1, column 2 holds the error #N\/A/],
  ])('a score that is %s', (_label, bad, message) => {
    expect(() => PASSES([[4, bad, 4]])).toThrow(message);
    expect(() => RUBRIC_AVERAGE([[4, bad, 4]])).toThrow(message);
    expect(() => PASS_REASON([[4, bad, 4]])).toThrow(message);
  });

  it('a key_risk row of the wrong width or shape', () => {
    expect(() => PASSES([[4, 4, 4]], [[true, false]])).toThrow(
      /key_risk must be one row as wide as scores \(3 columns\)/,
    );
    expect(() => PASSES([[4, 4, 4]], [[true], [false], [true]])).toThrow(/3 rows and 1 column/);
  });

  it('a threshold that is not a number or is a range', () => {
    expect(() => PASSES([[4, 4, 4]], undefined, 'high')).toThrow(
      /min_average holds "high", which is not a number/,
    );
    expect(() => PASSES([[4, 4, 4]], undefined, 4, [[3, 3]])).toThrow(/min_category must be a single number/);
    expect(() => PASSES([[4, 4, 4]], undefined, 4, 3, true)).toThrow(/min_key_risk holds TRUE/);
    expect(() => PASSES([[4, 4, 4]], undefined, 9)).toThrow(/min_average is 9; it must be between 1 and 5/);
  });

  it('messages start with the function name', () => {
    expect(() => RUBRIC_AVERAGE([[7]])).toThrow(/^RUBRIC_AVERAGE: /);
  });
});

describe('RUBRIC_AVERAGE', () => {
  it('averages the non-blank scores per row, blank when none', () => {
    expect(RUBRIC_AVERAGE([[4, '', 5]])).toBe(4.5);
    expect(
      RUBRIC_AVERAGE([
        [4, 5],
        ['', ''],
        ['3', 4],
      ]),
    ).toEqual([[4.5], [''], [3.5]]);
  });
});

describe('PASS_REASON', () => {
  const names = [['Communication', 'Motivation', 'Role fit']];

  it('says it passes', () => {
    expect(PASS_REASON([[4, 5, 4]], KEY_RISK_FIRST)).toMatch(/^Passes: average 4.33/);
  });

  it('lists every reason it fails, by name', () => {
    const reason = PASS_REASON([[3, 2, 4]], KEY_RISK_FIRST, undefined, undefined, undefined, names) as string;
    expect(reason).toMatch(/^Fails: /);
    expect(reason).toContain('average 3.0 is below 4.0');
    expect(reason).toContain('Motivation scored 2.0, below the floor of 3.0');
    expect(reason).toContain('key-risk Communication scored 3.0, below 4.0');
  });

  it('names categories by position when no names are given', () => {
    expect(PASS_REASON([[5, 2, 5]])).toContain('Category 2 scored 2.0');
  });

  it('says how many categories are unscored while pending', () => {
    expect(PASS_REASON([[4, '', '']])).toBe('Pending: 2 of 3 categories unscored');
    expect(PASS_REASON([[4, '', 4]])).toBe('Pending: 1 of 3 categories unscored');
  });

  it('rejects names of the wrong length', () => {
    expect(() => PASS_REASON([[4, 4, 4]], undefined, undefined, undefined, undefined, [['a', 'b']])).toThrow(
      /category_names must be one row \(or column\) of 3 names/,
    );
  });
});

describe('DIVERGENT', () => {
  it('lists categories whose gap is more than 1, by name', () => {
    expect(
      DIVERGENT(
        [
          [4, 2, 5],
          [4, 4, 4],
        ],
        [['Depth', 'Decomposition', 'Style']],
      ),
    ).toBe('Decomposition');
    expect(
      DIVERGENT([
        [1, 2, 5],
        [4, 4, 4],
      ]),
    ).toBe('Category 1, Category 2');
  });

  it('does not flag a gap of exactly 1, or columns with fewer than two scores', () => {
    expect(
      DIVERGENT([
        [4, 5, ''],
        [5, 4, 1],
      ]),
    ).toBe('');
  });

  it('honours max_gap and ignores blanks', () => {
    expect(
      DIVERGENT(
        [
          [1, 3],
          [4, 4],
          ['', ''],
        ],
        undefined,
        2,
      ),
    ).toBe('Category 1');
  });

  it('names a bad score with its row (interviewer) and column', () => {
    expect(() =>
      DIVERGENT([
        [4, 4],
        [4, 'x'],
      ]),
    ).toThrow(/interviewer_scores row 2, column 2 holds "x"/);
  });
});

describe('AGREEMENT', () => {
  // Krippendorff's published worked example (the source is cited in the fixture).
  const example = AS_CELLS;

  it.each([
    [undefined, 0.849],
    ['', 0.849],
    ['interval', 0.849],
    ['Ordinal', 0.815],
    [' NOMINAL ', 0.743],
    [[['nominal']], 0.743],
  ])('level %j reproduces the published %s', (level, published) => {
    expect(Math.round((AGREEMENT(example, level) as number) * 1000) / 1000).toBe(published);
  });

  it('counts numbers typed as text and blanks of spaces as blanks', () => {
    const typed = example.map((row) => row.map((v) => (v === '' ? ' ' : String(v))));
    expect(AGREEMENT(typed)).toBe(AGREEMENT(example));
  });

  it('is blank with fewer than two candidates scored twice, or when every score is the same', () => {
    expect(
      AGREEMENT([
        [4, 5],
        [3, ''],
      ]),
    ).toBe('');
    expect(
      AGREEMENT([
        [4, 4],
        [4, 4],
        [4, ''],
      ]),
    ).toBe('');
    expect(AGREEMENT(4)).toBe('');
  });

  it('gives 1 when interviewers agree on candidates who differ', () => {
    expect(
      AGREEMENT([
        [2, 2, ''],
        [5, 5, 5],
      ]),
    ).toBe(1);
  });

  it.each([
    ['text', 'great', 'ratings row 2, column 3 holds "great", which is not a score from 1 to 5'],
    ['six', 6, 'ratings row 2, column 3 holds 6, which is outside the 1 to 5 scale'],
    ['zero', 0, 'ratings row 2, column 3 holds 0, which is outside the 1 to 5 scale'],
    ['TRUE', true, 'ratings row 2, column 3 holds TRUE, which is not a score from 1 to 5'],
    ['a date', new Date('2024-03-01T00:00:00Z'), 'ratings row 2, column 3 holds the date 2024-03-01'],
  ])('fails on a score that is %s, naming it and its row and column', (_label, bad, message) => {
    const ratings = example.map((row) => [...row]) as unknown[][];
    ratings[1][2] = bad;
    expect(() => AGREEMENT(ratings)).toThrow(`AGREEMENT: ${message}`);
  });

  it('names every bad cell of the first three bad rows and counts the other rows', () => {
    const ratings = [
      ['a', 'b'],
      [4, 4],
      ['c', 5],
      [5, 'd'],
      ['e', 'f'],
      ['g', 1],
    ];
    expect(() => AGREEMENT(ratings)).toThrow(
      'AGREEMENT: ratings row 1, column 1 holds "a", which is not a score from 1 to 5; ' +
        'ratings row 1, column 2 holds "b", which is not a score from 1 to 5; ' +
        'ratings row 3, column 1 holds "c", which is not a score from 1 to 5; ' +
        'ratings row 4, column 2 holds "d", which is not a score from 1 to 5 (and 2 more rows with bad values)',
    );
  });

  it('fails on an unknown level, naming it', () => {
    expect(() => AGREEMENT(example, 'ratio')).toThrow(
      'AGREEMENT: level is "ratio"; it must be "interval" (the default), "ordinal" or "nominal"',
    );
    expect(() => AGREEMENT(example, 3)).toThrow('AGREEMENT: level is 3;');
    expect(() => AGREEMENT(example, [['interval', 'nominal']])).toThrow(/level must be a single word/);
  });

  it('needs ratings', () => {
    expect(() => AGREEMENT(undefined)).toThrow(/^AGREEMENT: ratings is required/);
  });
});

describe('CALIBRATION', () => {
  it('is the mean of interviewer minus panel where both are present', () => {
    // (4 − 3) + (5 − 3.5) + (2 − 3) = 1.5 over 3 shared cells = 0.5; the row with a blank on either side is skipped.
    expect(
      CALIBRATION(
        [
          [4, 5],
          [2, ''],
          ['', 3],
        ],
        [
          [3, 3.5],
          [3, 4],
          [4, ''],
        ],
      ),
    ).toBeCloseTo(0.5, 12);
    expect(CALIBRATION(4, '3.5')).toBeCloseTo(0.5, 12);
    expect(CALIBRATION([[2], [3]], [[3], [4]])).toBe(-1);
  });

  it('is blank when they share no candidate', () => {
    expect(CALIBRATION([[4], ['']], [[''], [3]])).toBe('');
  });

  it('fails on ranges of different shapes', () => {
    expect(() => CALIBRATION([[4], [5]], [[4, 5]])).toThrow(
      'CALIBRATION: interviewer_scores and panel_scores must be the same shape; interviewer_scores has 2 rows and 1 column, panel_scores has 1 row and 2 columns',
    );
  });

  it('names a bad value with its argument, row and column', () => {
    expect(() => CALIBRATION([[4], [5]], [[4], ['n/a']])).toThrow(
      'CALIBRATION: panel_scores row 2, column 1 holds "n/a", which is not a score from 1 to 5',
    );
    expect(() => CALIBRATION([[9]], [[4]])).toThrow(
      'CALIBRATION: interviewer_scores row 1, column 1 holds 9, which is outside the 1 to 5 scale',
    );
  });

  it('needs both ranges', () => {
    expect(() => CALIBRATION([[4]], undefined)).toThrow(/^CALIBRATION: give two ranges of the same shape/);
  });
});

describe('properties', () => {
  const score = fc.integer({ min: 2, max: 10 }).map((n) => n / 2); // 1.0 … 5.0 in halves
  const row = fc.array(score, { minLength: 1, maxLength: 8 });

  it('raising any score never turns a pass into a fail', () => {
    fc.assert(
      fc.property(
        row,
        fc.nat(),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        (scores, pick, flags) => {
          const keyRisk = [flags.slice(0, scores.length)];
          const before = PASSES([scores], keyRisk);
          const raised = [...scores];
          const i = pick % scores.length;
          raised[i] = Math.min(5, raised[i] + 0.5);
          if (before === true) expect(PASSES([raised], keyRisk)).toBe(true);
        },
      ),
    );
  });

  it('a block gives the same answers as its rows one by one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(score, { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 20 }),
        (block) => {
          const column = PASSES(block) as unknown[][];
          const reasons = PASS_REASON(block) as unknown[][];
          block.forEach((r, i) => {
            expect(column[i][0]).toBe(PASSES([r]));
            expect(reasons[i][0]).toBe(PASS_REASON([r]));
          });
        },
      ),
    );
  });

  it('PASSES and PASS_REASON agree', () => {
    fc.assert(
      fc.property(row, (scores) => {
        const passes = PASSES([scores]);
        expect((PASS_REASON([scores]) as string).startsWith('Passes')).toBe(passes === true);
      }),
    );
  });
});
