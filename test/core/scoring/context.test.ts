/** What the sidebar shows when it opens: the candidate, the stage picker, the rubric and the pass rule in words. */
import { resolveStage, stageChoices } from '../../../src/core/scoring/context';
import { HiringLog, process } from './hiring-log';

describe('the scoring context', () => {
  it('names the candidate, the current stage, its minutes, categories and pass rule', () => {
    const context = new HiringLog().context('carol@example.com');
    expect(context.candidate).toMatchObject({ stageId: 'main-interview', stageName: 'Main interview' });
    expect(context.stage.minutes).toBe('45–75 min');
    expect(context.stage.passRule).toBe(
      'Passes when the average is at least 4.0, no category is below 3.0 and every key-risk category is at least 4.0.',
    );
    expect(context.stage.categories.map((c) => [c.id, c.keyRisk])).toEqual([
      ['technical-depth', true],
      ['decomposition', false],
      ['working-style', false],
    ]);
    expect(context).toMatchObject({ mine: null, canSeePanel: false, isHiringManager: false });
  });
});

describe('stages', () => {
  it('marks reached and current stages; an unknown current stage counts as the first', () => {
    expect(stageChoices(process.stages, 'screening')).toEqual([
      { id: 'screening', name: 'Screening', optional: false, reached: true, current: true },
      { id: 'main-interview', name: 'Main interview', optional: false, reached: false, current: false },
    ]);
    expect(stageChoices(process.stages, 'main-interview').map((s) => s.reached)).toEqual([true, true]);
    expect(stageChoices(process.stages, null).map((s) => s.current)).toEqual([true, false]);
  });

  it('resolves the requested stage, else the current one, and refuses an unknown stage', () => {
    expect(resolveStage(process.stages, undefined, 'main-interview').id).toBe('main-interview');
    expect(resolveStage(process.stages, 'screening', 'main-interview').id).toBe('screening');
    expect(() => resolveStage(process.stages, 'final', 'screening')).toThrow(
      'Unknown stage "final": this process has screening, main-interview',
    );
  });
});
