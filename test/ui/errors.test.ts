/**
 * What a person is shown when something fails: a user error (src/core/errors.ts) as written, in a menu's alert or
 * in the sidebar; anything else as "Something went wrong" with a short reference, its detail only in the log.
 */
import { SIDEBAR_CALLS } from '../../src/core/contract';
import { resolveStage } from '../../src/core/scoring/context';
import { runMenuAction } from '../../src/ui/actions';
import type { Services } from '../../src/ui/services';
import { defaultWorkbookWithCandidates } from '../../scripts/workbooks';

const GENERIC = /^Something went wrong \(reference ([0-9A-Z]{6})\)\. Please try again/;

/** Just what runMenuAction touches: the lock and the alert. */
function menuServices(): { services: Services; alerts: { title: string; message: string }[] } {
  const alerts: { title: string; message: string }[] = [];
  const services = {
    lock: { tryLock: () => true, releaseLock: () => undefined },
    ui: {
      ButtonSet: { OK: 'OK' },
      alert: (title: string, message: string) => alerts.push({ title, message }),
    },
  } as unknown as Services;
  return { services, alerts };
}

describe('menu actions', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it("show core's own messages as written, without a prefix, and log nothing", () => {
    const { services, alerts } = menuServices();
    runMenuAction(services, 'Generate debrief', () => {
      resolveStage([], undefined, '');
    });
    expect(alerts).toEqual([
      { title: 'Generate debrief', message: 'This workbook has no stages: run Set up workbook first.' },
    ]);
    expect(logged).not.toHaveBeenCalled();
  });

  it('show an internal error as "Something went wrong" with a reference, and log the detail under it', () => {
    const { services, alerts } = menuServices();
    runMenuAction(services, 'Set up workbook', () => {
      const missing = undefined as unknown as { id: string };
      void missing.id;
    });
    expect(alerts).toHaveLength(1);
    expect(alerts[0].title).toBe('Set up workbook');
    expect(alerts[0].message).toMatch(GENERIC);
    expect(alerts[0].message).not.toMatch(/Cannot read|undefined|TypeError/);
    const reference = GENERIC.exec(alerts[0].message)![1];
    expect(logged).toHaveBeenCalledWith(`Scorecard error ${reference}:`, expect.any(TypeError));
  });
});

describe('sidebar calls', () => {
  /** The payload each call needs to get past its own checks. */
  const REQUESTS: Record<string, unknown> = {
    getScoringContext: {},
    submitScorecard: {},
    getPanel: { candidateId: 'C-0001', stageId: 'screening' },
    recordDecision: {},
    recordVeto: {},
    generateDebriefDocument: { candidateId: 'C-0001', stageId: 'screening' },
  };

  it('an internal TypeError reaches the page as "Something went wrong", its detail only in the log', () => {
    const rt = defaultWorkbookWithCandidates(1);
    rt.select('Candidates', 'B2');
    // A fault deep in the server: the account's email comes back missing instead of "".
    rt.replaceGlobal('Session', { getActiveUser: () => ({ getEmail: () => undefined }) });
    let message = '';
    try {
      rt.call('getScoringContext', {});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(GENERIC);
    expect(message).not.toMatch(/Cannot read|trim|undefined/);
    const reference = GENERIC.exec(message)![1];
    const errors = rt.logs.filter((l) => l.level === 'error').map((l) => l.message);
    expect(errors).toEqual([expect.stringContaining(`Scorecard error ${reference}: TypeError`)]);
  });

  it.each(SIDEBAR_CALLS)('%s goes through the same wrapper', (name) => {
    const rt = defaultWorkbookWithCandidates(1);
    rt.replaceGlobal('SpreadsheetApp', undefined); // every service call fails before the call's own code runs
    expect(() => rt.call(name, REQUESTS[name])).toThrow(GENERIC);
  });

  it('a user error still reaches the page as written', () => {
    const rt = defaultWorkbookWithCandidates(1);
    expect(() => rt.call('getPanel', { candidateId: 'C-0042', stageId: 'screening' })).toThrow(
      'There is no candidate with the ID "C-0042" on the Candidates sheet.',
    );
    expect(rt.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});
