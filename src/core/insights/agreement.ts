/**
 * Krippendorff's alpha: how far interviewers agree beyond what chance would give, with missing scores allowed.
 *
 * Follows the coincidence-matrix formulation of Krippendorff, "Computing Krippendorff's Alpha-Reliability"
 * (2011, https://repository.upenn.edu/asc_papers/43). `ratings` holds one row per unit (a candidate) and one
 * column per rater (an interviewer); null is a missing value. Only units with at least two values are
 * pairable: the others are ignored. With m_u values in unit u, every ordered pair of its values (c, k) from two
 * different raters adds 1/(m_u − 1) to the coincidence o_ck; the marginals are n_c = Σ_k o_ck (how often value
 * c occurs among pairable values) and n = Σ_c n_c. Then
 *
 *   α = 1 − D_o / D_e = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck
 *
 * with the difference function δ² of the level of measurement:
 *
 *   nominal   δ²_ck = 0 if c = k, else 1
 *   ordinal   δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k) / 2)²   = (r_k − r_c)², r_c = Σ_{g<c} n_g + n_c / 2
 *   interval  δ²_ck = (c − k)²
 *
 * The matrix itself is never stored (scores may be any number from 1 to 5, so it could be as wide as the data);
 * both sums are accumulated directly, which gives the same numbers:
 *
 *   Σ o_ck δ²_ck     = Σ_u 1/(m_u − 1) · Σ_{i≠j in u} δ²(v_i, v_j)
 *   Σ n_c n_k δ²_ck  = Σ_{i≠j over all pairable values} δ²(v_i, v_j)
 *
 * and for a squared difference (x_i − x_j)², where x is the value (interval) or its mid-rank r (ordinal),
 * Σ_{i≠j} (x_i − x_j)² = 2 · m · Σ_i (x_i − x̄)² over any m values: one pass per unit, no pairs. Nominal
 * counts the pairs of different values, m(m − 1) − 2 · (pairs of equal values), and Σ n_c n_k δ²_ck = n² − Σ n_c².
 * test/core/insights/agreement.test.ts checks this against a literal coincidence matrix.
 *
 * Alpha is null when fewer than two units are pairable (nothing to compare) or when every pairable value is the
 * same (no variation: D_e = 0, chance and agreement cannot be told apart). Otherwise −1 < α ≤ 1: 1 is perfect
 * agreement, 0 is agreement at chance level, below 0 is systematic disagreement.
 */

export const AGREEMENT_LEVELS = ['interval', 'ordinal', 'nominal'] as const;
export type AgreementLevel = (typeof AGREEMENT_LEVELS)[number];

/** One row per unit (candidate), one value per rater (interviewer); null (or a missing cell) is missing. */
export type Ratings = readonly (readonly (number | null | undefined)[])[];

export interface Agreement {
  /** Krippendorff's alpha, or null with fewer than two pairable units or no variation. */
  readonly alpha: number | null;
  /** Pairable units (at least two values): the units alpha rests on. */
  readonly units: number;
  /** Pairable values: n in Krippendorff's notation. */
  readonly values: number;
}

// No global is looked up per value: inside Apps Script (and node:vm) every global lookup is slow.
function isValue(value: number | null | undefined): value is number {
  return typeof value === 'number' && value - value === 0; // false for NaN and ±Infinity
}

function presentCount(row: readonly (number | null | undefined)[]): number {
  let m = 0;
  for (let i = 0; i < row.length; i++) if (isValue(row[i])) m++;
  return m;
}

/**
 * Σ_{i≠j} (x_i − x_j)² of a unit's values, as 2·m·Σ(x − x̄)². Values are taken relative to the first one, so a
 * unit whose values are all equal gives exactly 0 (no rounding noise turns perfect agreement into 0.9999…).
 */
function squaredPairSum(
  row: readonly (number | null | undefined)[],
  m: number,
  coordinate: (value: number) => number,
): number {
  let first = NaN;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < row.length; i++) {
    const value = row[i];
    if (!isValue(value)) continue;
    const x = coordinate(value);
    if (first !== first) first = x;
    const d = x - first;
    s1 += d;
    s2 += d * d;
  }
  return 2 * (m * s2 - s1 * s1);
}

/**
 * Interval alpha in one pass: per unit, its values' squared pair sum (relative to the unit's first value, so a
 * unit in perfect agreement adds exactly 0); over all pairable values, the same sum relative to the first one.
 */
function intervalAlpha(ratings: Ratings): Agreement {
  let units = 0;
  let n = 0;
  let observed = 0;
  let first = NaN;
  let varies = false;
  let g1 = 0;
  let g2 = 0;
  for (let u = 0; u < ratings.length; u++) {
    const row = ratings[u];
    let m = 0;
    let own = 0;
    let s1 = 0;
    let s2 = 0;
    let t1 = 0;
    let t2 = 0;
    for (let i = 0; i < row.length; i++) {
      const value = row[i];
      if (!isValue(value)) continue;
      if (m === 0) own = value;
      m++;
      const d = value - own;
      s1 += d;
      s2 += d * d;
      // Until the first pairable unit sets the overall reference, its own first value stands in for it.
      const e = value - (first === first ? first : own);
      t1 += e;
      t2 += e * e;
    }
    if (m < 2) continue;
    if (first !== first) first = own;
    // Some value differs from the unit's first, or from the overall first: there is variation.
    if (s2 !== 0 || t2 !== 0) varies = true;
    units++;
    n += m;
    observed += (2 * (m * s2 - s1 * s1)) / (m - 1);
    g1 += t1;
    g2 += t2;
  }
  if (units < 2 || !varies) return { alpha: null, units, values: n };
  const expected = 2 * (n * g2 - g1 * g1);
  return { alpha: 1 - ((n - 1) * observed) / expected, units, values: n };
}

/** Krippendorff's alpha of the ratings at the given level of measurement (interval by default). */
export function krippendorffAlpha(ratings: Ratings, level: AgreementLevel = 'interval'): Agreement {
  if (level === 'interval') return intervalAlpha(ratings);
  // Pass 1: the pairable units and the marginals n_c (value → count among pairable values).
  let units = 0;
  let n = 0;
  const counts = new Map<number, number>();
  for (let u = 0; u < ratings.length; u++) {
    const row = ratings[u];
    const m = presentCount(row);
    if (m < 2) continue;
    units++;
    n += m;
    for (let i = 0; i < row.length; i++) {
      const value = row[i];
      if (isValue(value)) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  if (units < 2 || counts.size < 2) return { alpha: null, units, values: n };

  if (level === 'nominal') {
    // Σ_c Σ_k n_c n_k δ²_ck = n² − Σ n_c²; per unit, the ordered pairs of different values.
    let same = 0;
    for (const count of counts.values()) same += count * count;
    let observed = 0;
    for (let u = 0; u < ratings.length; u++) {
      const row = ratings[u];
      const m = presentCount(row);
      if (m < 2) continue;
      let equalPairs = 0;
      for (let i = 0; i < row.length; i++) {
        const a = row[i];
        if (!isValue(a)) continue;
        for (let j = i + 1; j < row.length; j++) if (row[j] === a) equalPairs++;
      }
      observed += (m * (m - 1) - 2 * equalPairs) / (m - 1);
    }
    return { alpha: 1 - ((n - 1) * observed) / (n * n - same), units, values: n };
  }

  // Ordinal: interval on the mid-ranks r_c = Σ_{g<c} n_g + n_c / 2 of the pairable values.
  const ranks = new Map<number, number>();
  let below = 0;
  for (const value of [...counts.keys()].sort((a, b) => a - b)) {
    const count = counts.get(value)!;
    ranks.set(value, below + count / 2);
    below += count;
  }
  let firstRank = NaN;
  let s1 = 0;
  let s2 = 0;
  for (const [value, count] of counts) {
    const r = ranks.get(value)!;
    if (firstRank !== firstRank) firstRank = r;
    const d = r - firstRank;
    s1 += count * d;
    s2 += count * d * d;
  }
  const expected = 2 * (n * s2 - s1 * s1);
  let observed = 0;
  for (let u = 0; u < ratings.length; u++) {
    const row = ratings[u];
    const m = presentCount(row);
    if (m >= 2) observed += squaredPairSum(row, m, (value) => ranks.get(value)!) / (m - 1);
  }
  return { alpha: 1 - ((n - 1) * observed) / expected, units, values: n };
}
