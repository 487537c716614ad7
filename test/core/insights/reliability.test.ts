/**
 * Rubric reliability per stage and category: interval alpha across interviewers and its plain-words flag.
 */
import { RELIABILITY_LABELS } from '../../../src/core/insights/labels';
import { stageRecords } from '../../../src/core/insights/records';
import { reliabilityFlag, rubricReliability } from '../../../src/core/insights/reliability';
import { scorecard } from './log';

const A = 'alice@example.com';
const B = 'bob@example.com';

const STAGES = [
  {
    id: 'main',
    categories: [{ id: 'exact' }, { id: 'close' }, { id: 'shaky' }, { id: 'random' }, { id: 'flat' }],
  },
  { id: 'screening', categories: [{ id: 'comm' }] },
];

/**
 * Five candidates, each scored by alice and bob (every unit has m = 2, so each ordered pair weighs 1, and
 * n = 10 pairable values; α = 1 − 9·Σ_units 2(a − b)² / (2·(10·Σx² − (Σx)²))):
 *
 * | category | (alice, bob) per candidate          | Σx | Σx² | observed | expected | alpha            |
 * | -------- | ----------------------------------- | -- | --- | -------- | -------- | ---------------- |
 * | exact    | (1,1) (2,2) (3,3) (4,4) (5,5)       | 30 | 110 | 0        | 400      | 1                |
 * | close    | (1,2) (2,1) (4,5) (5,4) (3,3)       | 30 | 110 | 8        | 400      | 1 − 72/400 = 0.82 |
 * | shaky    | (1,2) (2,1) (4,5) (5,4) (3,4)       | 31 | 117 | 10       | 418      | 1 − 90/418 ≈ 0.7847 |
 * | random   | (1,3) (3,1) (3,5) (5,3) (2,4)       | 30 | 108 | 40       | 360      | 1 − 360/360 = 0  |
 * | flat     | (4,4) × 5                           |    |     |          | 0        | none (no spread) |
 */
const PAIRS: Record<string, [number, number][]> = {
  exact: [
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 5],
  ],
  close: [
    [1, 2],
    [2, 1],
    [4, 5],
    [5, 4],
    [3, 3],
  ],
  shaky: [
    [1, 2],
    [2, 1],
    [4, 5],
    [5, 4],
    [3, 4],
  ],
  random: [
    [1, 3],
    [3, 1],
    [3, 5],
    [5, 3],
    [2, 4],
  ],
  flat: [
    [4, 4],
    [4, 4],
    [4, 4],
    [4, 4],
    [4, 4],
  ],
};

const log = [0, 1, 2, 3, 4].flatMap((i) => {
  const scores = (who: 0 | 1) =>
    Object.fromEntries(Object.entries(PAIRS).map(([category, pairs]) => [category, pairs[i][who]]));
  const at = `2025-05-0${i + 1}T09:00:00.000Z`;
  return [
    ...scorecard(`C${i + 1}`, 'main', A, scores(0), 'yes', at),
    ...scorecard(`C${i + 1}`, 'main', B, scores(1), 'yes', at),
  ];
});

// Screening: four candidates with two scores each and one with a single score: not enough to judge.
const screening = [1, 2, 3, 4, 5].flatMap((i) => [
  ...scorecard(`C${i}`, 'screening', A, { comm: 3 }, 'yes', '2025-04-01T09:00:00.000Z'),
  ...(i < 5 ? scorecard(`C${i}`, 'screening', B, { comm: 4 }, 'yes', '2025-04-01T10:00:00.000Z') : []),
]);

describe('rubric reliability', () => {
  const rows = rubricReliability({ records: stageRecords([...screening, ...log]), stages: STAGES });

  it('has one row per stage and category, in the order of the process', () => {
    expect(rows.map((r) => `${r.stageId}/${r.categoryId}`)).toEqual([
      'main/exact',
      'main/close',
      'main/shaky',
      'main/random',
      'main/flat',
      'screening/comm',
    ]);
  });

  it('computes alpha over the candidates two interviewers scored', () => {
    const byCategory = Object.fromEntries(rows.map((r) => [r.categoryId, r]));
    expect(byCategory.exact).toMatchObject({ alpha: 1, candidates: 5, flag: 'consistent' });
    expect(byCategory.close.alpha).toBeCloseTo(0.82, 12);
    expect(byCategory.close.flag).toBe('consistent');
    expect(byCategory.shaky.alpha).toBeCloseTo(1 - 90 / 418, 12);
    expect(byCategory.shaky.flag).toBe('tentative');
    expect(byCategory.random.alpha).toBeCloseTo(0, 12);
    expect(byCategory.random.flag).toBe('disagree');
    expect(byCategory.flat).toMatchObject({ alpha: null, candidates: 5, flag: 'no-spread' });
    // Four candidates with two scores (the fifth has one): too few, whatever alpha says.
    expect(byCategory.comm).toMatchObject({ candidates: 4, flag: 'not-enough' });
  });

  it('says each flag in plain words', () => {
    expect(rows.map((r) => RELIABILITY_LABELS[r.flag])).toEqual([
      'consistent',
      'consistent',
      'tentative',
      "interviewers disagree: sharpen this category's anchors",
      'every score is the same: nothing to compare yet',
      'not enough scorecards yet',
    ]);
  });

  it('reports every category of the process, even one nobody scored', () => {
    const empty = rubricReliability({ records: [], stages: STAGES });
    expect(empty).toHaveLength(6);
    expect(empty.every((r) => r.alpha === null && r.candidates === 0 && r.flag === 'not-enough')).toBe(true);
  });
});

describe('the flag bars', () => {
  it.each([
    [0.8, 5, 'consistent'],
    [0.8 - 1e-12, 5, 'consistent'], // within 1e-9 of the bar meets it
    [0.7999, 5, 'tentative'],
    [0.667, 5, 'tentative'],
    [0.6669, 5, 'disagree'],
    [-0.4, 12, 'disagree'],
    [1, 4, 'not-enough'],
    [null, 5, 'no-spread'],
    [null, 0, 'not-enough'],
  ] as const)('alpha %s on %s candidates → %s', (alpha, candidates, flag) => {
    expect(reliabilityFlag(alpha, candidates)).toBe(flag);
  });
});
