/** The promise client over google.script.run, against a fake runner shaped like the real one. */
import { call } from '../../src/sidebar/client';

type Handler = (value: unknown) => void;

function installRunner(server: Record<string, (request: unknown) => unknown>): {
  calls: [string, unknown][];
} {
  const calls: [string, unknown][] = [];
  const makeRunner = (onSuccess?: Handler, onFailure?: Handler): Record<string, unknown> => {
    const runner: Record<string, unknown> = {
      withSuccessHandler: (handler: Handler) => makeRunner(handler, onFailure),
      withFailureHandler: (handler: Handler) => makeRunner(onSuccess, handler),
    };
    for (const name of Object.keys(server)) {
      runner[name] = function (this: unknown, request: unknown) {
        // The real runner's functions are methods: they must be called on the runner.
        if (this !== runner) throw new Error('called without its runner');
        calls.push([name, request]);
        setTimeout(() => {
          try {
            onSuccess?.(JSON.parse(JSON.stringify(server[name](request))));
          } catch (error) {
            onFailure?.(error);
          }
        }, 0);
      };
    }
    return runner;
  };
  (globalThis as { google?: unknown }).google = { script: { run: makeRunner() } };
  return { calls };
}

afterEach(() => {
  delete (globalThis as { google?: unknown }).google;
});

describe('call', () => {
  it('resolves with the server response', async () => {
    const { calls } = installRunner({
      getPanel: () => ({ pass: { status: 'pending', summary: 'Pending' } }),
    });
    await expect(call('getPanel', { candidateId: 'C-0001', stageId: 's' })).resolves.toMatchObject({
      pass: { status: 'pending' },
    });
    expect(calls).toEqual([['getPanel', { candidateId: 'C-0001', stageId: 's' }]]);
  });

  it('rejects with the server error', async () => {
    installRunner({
      getPanel: () => {
        throw new Error("Submit your own scorecard first: others' scores stay hidden until you have.");
      },
    });
    await expect(call('getPanel', { candidateId: 'C-0001', stageId: 's' })).rejects.toThrow(
      /Submit your own scorecard first/,
    );
  });

  it('rejects with a clear message outside Google Sheets', async () => {
    await expect(call('getScoringContext', {})).rejects.toThrow(/must be opened from Google Sheets/);
  });
});
