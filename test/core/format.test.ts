/** How scores, durations and the pass rule read, wherever Scorecard shows them. */
import {
  formatMinutesRange,
  formatScore,
  formatScoreInText,
  formatStageMinutes,
} from '../../src/core/format';
import { describePassRule } from '../../src/core/rules';

describe('scores', () => {
  it('in a table: as short as they can be, with a dash where there is none', () => {
    expect(formatScore(4)).toBe('4');
    expect(formatScore(4.5)).toBe('4.5');
    expect(formatScore(11 / 3)).toBe('3.67');
    expect(formatScore(null)).toBe('—');
    expect(formatScore(undefined)).toBe('—');
    expect(formatScore(NaN)).toBe('—');
  });

  it('in a sentence: with at least one decimal, so a bar reads as a bar', () => {
    expect(formatScoreInText(4)).toBe('4.0');
    expect(formatScoreInText(4.5)).toBe('4.5');
    expect(formatScoreInText(5)).toBe('5.0');
    expect(formatScoreInText(11 / 3)).toBe('3.67');
  });
});

describe('stage minutes', () => {
  it('reads a range, a single length, or nothing for a stage that is not a meeting', () => {
    expect(formatStageMinutes({ minutesMin: 15, minutesMax: 20 })).toBe('15–20 min');
    expect(formatStageMinutes({ minutesMin: 45, minutesMax: 45 })).toBe('45 min');
    expect(formatStageMinutes({ minutesMin: 0, minutesMax: 0 })).toBe('');
    expect(formatMinutesRange(20, 30)).toBe('20–30');
    expect(formatMinutesRange(5, 5)).toBe('5');
  });
});

describe('the pass rule in words', () => {
  it('reads thresholds 4/3/4 with one decimal', () => {
    expect(describePassRule({ minAverage: 4, minCategory: 3, minKeyRisk: 4 })).toBe(
      'Passes when the average is at least 4.0, no category is below 3.0 and every key-risk category is at least 4.0.',
    );
  });

  it('keeps fractional thresholds as they are', () => {
    expect(describePassRule({ minAverage: 4.5, minCategory: 2.75, minKeyRisk: 3.5 })).toBe(
      'Passes when the average is at least 4.5, no category is below 2.75 and every key-risk category is at least 3.5.',
    );
  });

  it('leaves out the key-risk clause when the stage has no key-risk category', () => {
    expect(describePassRule({ minAverage: 4, minCategory: 3, minKeyRisk: 4 }, false)).toBe(
      'Passes when the average is at least 4.0 and no category is below 3.0.',
    );
  });
});
