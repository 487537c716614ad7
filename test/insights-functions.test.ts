/** The Insights custom functions refuse ranges that are not what they need, saying what to give. */
import {
  INSIGHTS_CALIBRATION,
  INSIGHTS_PIPELINE,
  INSIGHTS_RELIABILITY,
  NO_CALIBRATION_YET,
} from '../src/functions';
import { LOG_HEADERS } from '../src/sheets/support-sheets';

const LOG = [[...LOG_HEADERS]];
const CANDIDATES = [['ID', 'Name', 'Stage', 'Status']];
const STAGES = [['screening', 'Screening', false]];
const CATEGORIES = [['screening', 'Screening', 'motivation-fit', 'Motivation fit']];

describe('Insights custom functions', () => {
  it('name the Score log when given another range', () => {
    expect(() => INSIGHTS_RELIABILITY(CATEGORIES, [['a', 'b']])).toThrow(
      /^INSIGHTS_RELIABILITY: score_log must be the Score log sheet's columns with its header row \(Timestamp, Submission ID/,
    );
  });

  it('name the Candidates sheet when given another range', () => {
    expect(() => INSIGHTS_PIPELINE(STAGES, [['x']], LOG)).toThrow(
      /^INSIGHTS_PIPELINE: candidates must be the Candidates sheet's columns/,
    );
  });

  it('say what the key rows hold when they are empty', () => {
    expect(() => INSIGHTS_CALIBRATION([['', '', '', '']], CANDIDATES, LOG)).toThrow(
      /categories must list stage id, stage name, category id and category name/,
    );
  });

  it('an empty log gives zeros, blanks and a plain sentence', () => {
    expect(INSIGHTS_PIPELINE(STAGES, CANDIDATES, LOG)).toEqual([[0, 0, 0, 0, 0, '', '']]);
    expect(INSIGHTS_RELIABILITY(CATEGORIES, LOG)).toEqual([['', 0, 'not enough scorecards yet']]);
    expect(INSIGHTS_CALIBRATION(CATEGORIES, CANDIDATES, LOG)[0][0]).toBe(NO_CALIBRATION_YET);
  });
});
