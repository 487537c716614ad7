/**
 * Revisions are visible, not a loophole: a scorecard version written after its interviewer saw someone else's
 * scores is marked so in the panel (and, through it, the debrief), and the look is recorded once.
 */
import { debriefInput } from '../../../src/core/scoring/debrief';
import { afterPanel, seenAtVersion } from '../../../src/core/scoring/seen';
import { documentToPlainText } from '../../../src/core/templates/document';
import { renderDebriefDocument } from '../../../src/core/templates/render';
import { defaultTemplateRows } from '../../../src/core/templates/defaults';
import { adaLovelace } from '../fixtures/candidate-ada-lovelace';
import {
  ALICE,
  BOB,
  HM,
  HiringLog,
  PANEL,
  T1,
  T2,
  T3,
  process,
  scorecard,
  scores,
  stage,
} from './hiring-log';

const marks = (log: HiringLog, viewer = HM) =>
  log.panel(viewer).interviewers.map((card) => [card.email, card.version, card.afterPanel]);

describe('a revision after seeing the panel', () => {
  it('is marked "revised"; a revision before any look at others’ scores is not', () => {
    const log = new HiringLog();
    log.submit(ALICE, scorecard(scores(2, 2, 2)), T1);
    // Alone on the panel, Alice sees only her own scorecard: nothing is recorded, her revision is not marked.
    log.openPanel(ALICE);
    log.submit(ALICE, scorecard(scores(3, 3, 3)), T1);
    expect(marks(log)).toEqual([[ALICE, 2, null]]);

    log.submit(BOB, scorecard(scores(5, 5, 5)), T1);
    log.openPanel(ALICE); // now she sees Bob's 5s
    log.submit(ALICE, scorecard(scores(5, 5, 4)), T2);
    expect(marks(log)).toEqual([
      [ALICE, 3, 'revised'],
      [BOB, 1, null],
    ]);
    // Later versions stay marked; Bob, who saw Alice's, is marked only once he revises.
    log.openPanel(BOB);
    expect(marks(log)).toEqual([
      [ALICE, 3, 'revised'],
      [BOB, 1, null],
    ]);
    log.submit(BOB, scorecard(scores(5, 5, 4)), T3);
    log.submit(ALICE, scorecard(scores(4, 5, 4)), T3);
    expect(marks(log)).toEqual([
      [ALICE, 4, 'revised'],
      [BOB, 2, 'revised'],
    ]);
  });

  it('is recorded once per person: looking again changes nothing', () => {
    const log = new HiringLog();
    log.submit(ALICE, scorecard(scores(2, 2, 2)), T1);
    log.submit(BOB, scorecard(scores(5, 5, 5)), T1);
    log.openPanel(ALICE);
    const after = log.entries.length;
    log.openPanel(ALICE);
    log.submit(ALICE, scorecard(scores(3, 3, 3)), T2);
    log.openPanel(ALICE);
    expect(log.entries.length).toBe(after + 4); // her second scorecard's rows, and no second look
    expect(seenAtVersion(log.entries, ALICE)).toBe(1);
  });

  it('a hiring manager who looked before scoring has their first scorecard marked "submitted"', () => {
    const log = new HiringLog();
    log.submit(ALICE, scorecard(scores(4, 4, 4)), T1);
    log.openPanel(HM);
    log.submit(HM, scorecard(scores(4, 4, 5)), T2);
    expect(marks(log, ALICE)).toEqual([
      [ALICE, 1, null],
      [HM, 1, 'submitted'],
    ]);
    expect(log.submit(HM, scorecard(scores(4, 4, 4)), T3)).toMatchObject({
      version: 2,
      afterPanel: 'revised',
    });
  });

  it('the answer to the submission says so, and a double click answers the same', () => {
    const log = new HiringLog();
    log.submit(ALICE, scorecard(scores(2, 2, 2)), T1);
    log.submit(BOB, scorecard(scores(5, 5, 5)), T1);
    log.openPanel(ALICE);
    const form = scorecard(scores(5, 5, 5));
    expect(log.submit(ALICE, form, T2)).toMatchObject({
      version: 2,
      duplicate: false,
      afterPanel: 'revised',
    });
    expect(log.submit(ALICE, { ...form, submissionId: 'again' }, T3)).toMatchObject({
      version: 2,
      duplicate: true,
      afterPanel: 'revised',
    });
    expect(log.context(ALICE).mine).toMatchObject({ version: 2, afterPanel: 'revised' });
  });

  it('someone who may not see the panel records nothing by asking for it', () => {
    const log = new HiringLog();
    log.submit(ALICE, scorecard(scores(2, 2, 2)), T1);
    expect(() => log.openPanel(BOB)).toThrow('Submit your own scorecard first');
    expect(seenAtVersion(log.entries, BOB)).toBeNull();
  });

  it('the debrief shows the mark next to the scorecard', () => {
    const log = new HiringLog();
    log.submit(ALICE, scorecard(scores(2, 2, 2)), T1);
    log.submit(BOB, scorecard(scores(5, 5, 5)), T1);
    log.openPanel(ALICE);
    log.submit(ALICE, scorecard(scores(5, 5, 4)), T2);
    const input = debriefInput({
      base: {
        process,
        stage,
        templates: defaultTemplateRows(process),
        candidate: adaLovelace,
        today: '3 May 2025',
        workbookUrl: 'https://docs.google.com/spreadsheets/d/x',
      },
      process,
      stage,
      candidate: { id: 'C-0001', hiringManager: HM, panel: PANEL },
      entries: log.entries,
      viewer: HM,
      formatTime: (iso) => iso.slice(0, 10),
    });
    const text = documentToPlainText(renderDebriefDocument(input));
    expect(text).toContain('2025-05-02, version 2, revised after seeing the panel');
    expect(text).toMatch(
      /Not scored independently\W+alice@example\.com: version 2, revised after seeing the panel\./,
    );
    expect(text).not.toContain('2025-05-01, version 1');
  });
});

describe('afterPanel', () => {
  it('marks only versions after the one seen at', () => {
    expect(afterPanel(1, null)).toBeNull();
    expect(afterPanel(1, 1)).toBeNull();
    expect(afterPanel(2, 1)).toBe('revised');
    expect(afterPanel(1, 0)).toBe('submitted');
    expect(afterPanel(3, 0)).toBe('revised');
  });
});
