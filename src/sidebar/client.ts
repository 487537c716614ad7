/**
 * A typed promise client over google.script.run, which exists only inside the Apps Script sidebar (and the
 * local preview that imitates it). Request and response types come from the shared contract.
 */
import type { SidebarApi, SidebarCall, SidebarRequest, SidebarResponse } from '../core/contract';

type Runner = {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: unknown) => void): Runner;
} & { [K in SidebarCall]: (request: SidebarRequest<K>) => void };

interface GoogleHost {
  script?: { run?: Runner };
}

function runner(): Runner {
  const host = (globalThis as { google?: GoogleHost }).google;
  const run = host?.script?.run;
  if (!run) {
    throw new Error('This page must be opened from Google Sheets: Extensions ▸ Scorecard ▸ Score candidate.');
  }
  return run;
}

/** Calls a server function of the sidebar API; rejects with the server's error. */
export function call<K extends keyof SidebarApi>(
  name: K,
  request: SidebarRequest<K>,
): Promise<SidebarResponse<K>> {
  return new Promise<SidebarResponse<K>>((resolve, reject) => {
    let run: Runner;
    try {
      run = runner();
    } catch (error) {
      reject(error);
      return;
    }
    const bound = run
      .withSuccessHandler((value) => resolve(value as SidebarResponse<K>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    // google.script.run's functions are called as methods of the runner that carries the handlers.
    const send = bound[name] as (this: Runner, request: SidebarRequest<K>) => void;
    send.call(bound, request);
  });
}
