/** Logger and console capture. */
import type { Api } from './api';
import { Counters, instrument } from './counters';

export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug' | 'Logger';
  message: string;
}

function render(args: unknown[]): string {
  return args
    .map((a) => {
      if (typeof a === 'string') return a;
      if (a instanceof Error || (a !== null && typeof a === 'object' && 'stack' in a && 'message' in a)) {
        return String((a as Error).stack ?? (a as Error).message);
      }
      try {
        return JSON.stringify(a);
      } catch {
        return String(a);
      }
    })
    .join(' ');
}

export class FakeLogger implements Api<GoogleAppsScript.Base.Logger, 'clear' | 'getLog' | 'log'> {
  constructor(
    readonly _counters: Counters,
    private readonly _logs: LogEntry[],
    private readonly _echo: boolean,
  ) {}

  log(format: unknown, ...values: unknown[]): FakeLogger {
    let message: string;
    if (typeof format === 'string' && values.length > 0 && /%s|%d/.test(format)) {
      let i = 0;
      message = format.replace(/%[sd]/g, () => render([values[i++]]));
    } else message = render([format, ...values]);
    this._logs.push({ level: 'Logger', message });
    if (this._echo) process.stdout.write(`[Logger] ${message}\n`);
    return this;
  }

  getLog(): string {
    return this._logs
      .filter((l) => l.level === 'Logger')
      .map((l) => l.message)
      .join('\n');
  }

  clear(): void {
    for (let i = this._logs.length - 1; i >= 0; i--)
      if (this._logs[i].level === 'Logger') this._logs.splice(i, 1);
  }
}
instrument(FakeLogger, 'Logger');

export function createConsole(logs: LogEntry[], echo: boolean): Record<string, (...args: unknown[]) => void> {
  const make =
    (level: LogEntry['level']) =>
    (...args: unknown[]) => {
      const message = render(args);
      logs.push({ level, message });
      if (echo) process.stdout.write(`[console.${level}] ${message}\n`);
    };
  return {
    log: make('log'),
    info: make('info'),
    warn: make('warn'),
    error: make('error'),
    debug: make('debug'),
    time: () => undefined,
    timeEnd: () => undefined,
  };
}
