/**
 * google.script.run and google.script.host inside a sidebar or dialog of the preview. The panel runs in a
 * sandboxed iframe (an opaque origin, as in Apps Script), so calls go to the page with postMessage and the
 * page forwards them to POST /api/run. Same rules as Apps Script: arguments and results cross as JSON,
 * handlers are set with withSuccessHandler / withFailureHandler / withUserObject (each returns a new runner),
 * the failure handler gets an Error with .message, and host.close() closes the panel.
 */
import type { PageToPanel, PanelToPage, RunResponse } from '../protocol';

type Handler = (value: unknown, userObject?: unknown) => void;

interface RunnerConfig {
  success?: Handler;
  failure?: Handler;
  userObject?: unknown;
}

const pending = new Map<number, RunnerConfig>();
let nextCallId = 1;

function post(message: PanelToPage): void {
  window.parent.postMessage(message, '*');
}

function deliver(config: RunnerConfig, response: RunResponse): void {
  if (response.ok) {
    config.success?.(response.value, config.userObject);
    return;
  }
  const error = new Error(response.error.message);
  error.name = response.error.name;
  if (config.failure) config.failure(error, config.userObject);
  else console.error(error);
}

function invoke(functionName: string, args: unknown[], config: RunnerConfig): void {
  let json: string;
  try {
    json = JSON.stringify(args.map((a) => (a === undefined ? null : a)));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    setTimeout(() => deliver(config, { ok: false, error: { name: 'TypeError', message } }), 0);
    return;
  }
  const callId = nextCallId++;
  pending.set(callId, config);
  post({ type: 'scorecard-run', callId, functionName, args: json });
}

function runner(config: RunnerConfig): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (typeof prop !== 'string' || prop === 'then') return undefined;
        if (prop === 'withSuccessHandler') return (h: Handler) => runner({ ...config, success: h });
        if (prop === 'withFailureHandler') return (h: Handler) => runner({ ...config, failure: h });
        if (prop === 'withUserObject') return (o: unknown) => runner({ ...config, userObject: o });
        return (...args: unknown[]) => invoke(prop, args, config);
      },
    },
  );
}

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window.parent) return;
  const data = event.data as PageToPanel | undefined;
  if (!data || data.type !== 'scorecard-result') return;
  const config = pending.get(data.callId);
  if (!config) return;
  pending.delete(data.callId);
  deliver(config, data.response);
});

const google = {
  script: {
    run: runner({}),
    host: {
      origin: 'https://docs.google.com',
      close: () => post({ type: 'scorecard-close' }),
      setHeight: () => undefined,
      setWidth: () => undefined,
      editor: { focus: () => undefined },
    },
    url: {
      getLocation: (callback: (location: { hash: string; parameter: object; parameters: object }) => void) =>
        callback({ hash: '', parameter: {}, parameters: {} }),
    },
  },
};

(window as unknown as { google: typeof google }).google = google;
