/**
 * Krippendorff's alpha at the interval, ordinal and nominal levels, with missing data.
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import {
  AGREEMENT_LEVELS,
  type AgreementLevel,
  type Ratings,
  krippendorffAlpha,
} from '../../../src/core/insights/agreement';
import { BY_UNIT } from '../../fixtures/krippendorff-2011';

const _ = null;

describe("Krippendorff's published worked example", () => {
  // The published example (the source is cited in the fixture).
  const example = BY_UNIT;

  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
  ] as const)('%s alpha is %s', (level, published) => {
    const result = krippendorffAlpha(example, level);
    expect(result.alpha).not.toBeNull();
    expect(Math.round(result.alpha! * 1000) / 1000).toBe(published);
    expect(result.units).toBe(11);
    expect(result.values).toBe(40);
  });

  it('uses the interval level by default', () => {
    expect(krippendorffAlpha(example)).toEqual(krippendorffAlpha(example, 'interval'));
  });
});

describe('small fixtures computed by hand', () => {
  it('two raters, three pairable units and one unit with a single value', () => {
    // Units (1,2), (2,2), (2,3) and (4,_); the last has one value and is ignored.
    // Pairable values 1,2,2,2,2,3: n = 6, n_1 = 1, n_2 = 4, n_3 = 1. Every unit has m = 2, so each ordered pair
    // adds 1/(m−1) = 1: o_12 = o_21 = 1, o_22 = 2, o_23 = o_32 = 1.
    // Interval: Σ o δ² = 4·1² = 4; Σ n_c n_k δ² = 2·(1·4·1 + 1·1·4 + 4·1·1) = 24; α = 1 − 5·4/24 = 1/6.
    // Nominal:  Σ o δ = 4; Σ n_c n_k δ = n² − Σ n_c² = 36 − 18 = 18; α = 1 − 5·4/18 = −1/9.
    // Ordinal:  δ²_12 = (n_1 + n_2 − (n_1 + n_2)/2)² = 2.5² = 6.25, δ²_23 = 6.25, δ²_13 = (6 − 1)² = 25;
    //           Σ o δ² = 4·6.25 = 25; Σ n_c n_k δ² = 2·(4·6.25 + 1·25 + 4·6.25) = 150; α = 1 − 5·25/150 = 1/6.
    const ratings = [
      [1, 2],
      [2, 2],
      [2, 3],
      [4, _],
    ];
    expect(krippendorffAlpha(ratings, 'interval')).toEqual({
      alpha: expect.any(Number),
      units: 3,
      values: 6,
    });
    expect(krippendorffAlpha(ratings, 'interval').alpha).toBeCloseTo(1 / 6, 12);
    expect(krippendorffAlpha(ratings, 'nominal').alpha).toBeCloseTo(-1 / 9, 12);
    expect(krippendorffAlpha(ratings, 'ordinal').alpha).toBeCloseTo(1 / 6, 12);
  });

  it('weights a unit with three values by 1/(m − 1)', () => {
    // Units (1,1,2) and (3,3,_): n = 5, n_1 = 2, n_2 = 1, n_3 = 2. Unit 1 has m = 3: its six ordered pairs add
    // 1/2 each: o_11 = 1, o_12 = o_21 = 1. Unit 2: o_33 = 2.
    // Interval: Σ o δ² = 2; Σ n_c n_k δ² = 2·(2·1·1 + 2·2·4 + 1·2·1) = 40; α = 1 − 4·2/40 = 0.8.
    // Nominal:  Σ o δ = 2; n² − Σ n_c² = 25 − 9 = 16; α = 1 − 4·2/16 = 0.5.
    const ratings = [
      [1, 1, 2],
      [3, 3, _],
    ];
    expect(krippendorffAlpha(ratings, 'interval').alpha).toBeCloseTo(0.8, 12);
    expect(krippendorffAlpha(ratings, 'nominal').alpha).toBeCloseTo(0.5, 12);
  });

  it('takes fractional scores (a reconciled 4.5) as values of their own', () => {
    // Units (4.5,4.5), (2,3): n = 4 with values 2, 3, 4.5, 4.5. Interval: Σ o δ² = 2·1 = 2;
    // Σ n_c n_k δ² = 2·(4·Σx² − (Σx)²) = 2·(4·53.5 − 196) = 36; α = 1 − 3·2/36 = 5/6.
    expect(
      krippendorffAlpha([
        [4.5, 4.5],
        [2, 3],
      ]).alpha,
    ).toBeCloseTo(5 / 6, 12);
  });
});

describe('when alpha cannot be computed', () => {
  it.each<[string, Ratings, number]>([
    ['no units', [], 0],
    [
      'one pairable unit',
      [
        [1, 2],
        [3, _],
        [_, _],
      ],
      1,
    ],
    ['only single ratings', [[1, _], [_, 2], [3]], 0],
    [
      'no variation',
      [
        [4, 4],
        [4, 4, 4],
        [4, _],
      ],
      2,
    ],
  ])('is null with %s', (_label, ratings, units) => {
    for (const level of AGREEMENT_LEVELS) {
      const result = krippendorffAlpha(ratings, level);
      expect(result.alpha).toBeNull();
      expect(result.units).toBe(units);
    }
  });
});

/**
 * The paper's recipe, literally: build the coincidence matrix o_ck, its marginals n_c, the difference function
 * of the level, and α = 1 − (n − 1)·Σ o δ² / Σ n_c n_k δ². Slow and obvious, to check the fast one against.
 */
function literalAlpha(ratings: Ratings, level: AgreementLevel): number | null {
  const units = ratings
    .map((row) => row.filter((v): v is number => typeof v === 'number'))
    .filter((values) => values.length >= 2);
  const values = [...new Set(units.flat())].sort((a, b) => a - b);
  if (units.length < 2 || values.length < 2) return null;
  const at = new Map(values.map((v, i) => [v, i]));
  const o = values.map(() => values.map(() => 0));
  for (const unit of units) {
    for (let i = 0; i < unit.length; i++) {
      for (let j = 0; j < unit.length; j++) {
        if (i !== j) o[at.get(unit[i])!][at.get(unit[j])!] += 1 / (unit.length - 1);
      }
    }
  }
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);
  const delta = (c: number, k: number): number => {
    if (level === 'nominal') return c === k ? 0 : 1;
    if (level === 'interval') return (values[c] - values[k]) ** 2;
    const [lo, hi] = c < k ? [c, k] : [k, c];
    let sum = 0;
    for (let g = lo; g <= hi; g++) sum += nc[g];
    return (sum - (nc[c] + nc[k]) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < values.length; c++) {
    for (let k = 0; k < values.length; k++) {
      observed += o[c][k] * delta(c, k);
      expected += nc[c] * nc[k] * delta(c, k);
    }
  }
  return 1 - ((n - 1) * observed) / expected;
}

const score = fc.constantFrom<number | null>(1, 2, 3, 4, 5, 2.5, 4.5, null, null);
const ratingsArb = fc
  .integer({ min: 1, max: 6 })
  .chain((raters) => fc.array(fc.array(score, { minLength: raters, maxLength: raters }), { maxLength: 25 }));
const levelArb = fc.constantFrom(...AGREEMENT_LEVELS);

function shuffle<T>(items: readonly T[], order: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: order[i % order.length] * 1000 + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
}

describe('properties', () => {
  it('equals the literal coincidence-matrix computation', () => {
    fc.assert(
      fc.property(ratingsArb, levelArb, (ratings, level) => {
        const fast = krippendorffAlpha(ratings, level).alpha;
        const literal = literalAlpha(ratings, level);
        if (literal === null) return fast === null;
        return fast !== null && Math.abs(fast - literal) < 1e-9;
      }),
      { numRuns: 500 },
    );
  });

  it('does not change when raters or units are put in another order', () => {
    fc.assert(
      fc.property(
        ratingsArb,
        levelArb,
        fc.array(fc.nat(100), { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(100), { minLength: 1, maxLength: 6 }),
        (ratings, level, unitOrder, raterOrder) => {
          const raters = ratings[0]?.length ?? 0;
          const columns = shuffle(
            Array.from({ length: raters }, (_v, i) => i),
            raterOrder,
          );
          const permuted = shuffle(ratings, unitOrder).map((row) => columns.map((c) => row[c]));
          const before = krippendorffAlpha(ratings, level);
          const after = krippendorffAlpha(permuted, level);
          expect(after.units).toBe(before.units);
          if (before.alpha === null) expect(after.alpha).toBeNull();
          else expect(after.alpha!).toBeCloseTo(before.alpha, 9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is exactly 1 when every interviewer gives each candidate the same score and scores vary', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(1, 2, 3, 4, 5, 3.5), fc.integer({ min: 2, max: 5 })), {
          minLength: 2,
          maxLength: 30,
        }),
        levelArb,
        (units, level) => {
          fc.pre(new Set(units.map(([value]) => value)).size >= 2);
          const ratings = units.map(([value, raters]) => [
            ...Array.from({ length: raters }, () => value),
            null,
          ]);
          expect(krippendorffAlpha(ratings, level).alpha).toBe(1);
        },
      ),
    );
  });

  it('stays within (−1, 1]', () => {
    fc.assert(
      fc.property(ratingsArb, levelArb, (ratings, level) => {
        const { alpha } = krippendorffAlpha(ratings, level);
        return alpha === null || (alpha > -1 && alpha <= 1 + 1e-12);
      }),
      { numRuns: 500 },
    );
  });
});

describe('speed', () => {
  it('computes 1,000 candidates × 4 interviewers in well under a few milliseconds', () => {
    const ratings = Array.from({ length: 1000 }, (_v, u) =>
      Array.from({ length: 4 }, (_w, r) => ((u * 7 + r * 3) % 11 === 0 ? null : 1 + ((u + r * (u % 3)) % 5))),
    );
    for (let i = 0; i < 20; i++) krippendorffAlpha(ratings); // warm up
    const samples: number[] = [];
    for (let i = 0; i < 31; i++) {
      const start = performance.now();
      krippendorffAlpha(ratings);
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    // The bench prints the real figure (a fraction of a millisecond); this bar leaves room for a busy machine.
    expect(samples[15]).toBeLessThan(3);
  });
});
