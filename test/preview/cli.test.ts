/**
 * `npm start`'s entry point as a process: it prints its address, stops cleanly on SIGINT/SIGTERM (exit 0) and
 * exits with a clear message when the port is taken. Options are parsed by preview/args.ts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { parseArgs } from '../../preview/args';
import { ROOT, get } from './http';

function startCli(args: string[]): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'scripts', 'run-ts.mjs'), 'preview/main.ts', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, PORT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function waitFor(check: () => boolean, what: string, exited: Promise<unknown>): Promise<void> {
  let done = false;
  void exited.then(() => (done = true));
  while (!check()) {
    if (done) throw new Error(`The process exited before ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

describe('npm start (preview/main.ts)', () => {
  it('prints its address, serves, and stops cleanly on SIGINT and SIGTERM', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const cli = startCli(['--port', '0', '--blank']);
      try {
        await waitFor(
          () => /running at http:\/\/127\.0\.0\.1:\d+\//.test(cli.output()),
          'it started',
          cli.exited,
        );
        const port = Number(/127\.0\.0\.1:(\d+)/.exec(cli.output())![1]);
        expect((await get(port, '/api/state')).status).toBe(200);
        cli.child.kill(signal);
        expect(await cli.exited).toBe(0);
        expect(cli.output()).toContain(`${signal}: stopping the preview.`);
      } finally {
        cli.child.kill('SIGKILL');
      }
    }
  });

  it('exits with a clear message when the port is in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const cli = startCli(['--port', String(port), '--blank']);
      expect(await cli.exited).toBe(1);
      expect(cli.output()).toContain(
        `Port ${port} is in use; start with --port ${port + 1} or PORT=${port + 1}`,
      );
    } finally {
      blocker.close();
    }
  });
});

describe('preview command-line options', () => {
  it('defaults to port 8080, takes PORT and --port, --state and --blank', () => {
    expect(parseArgs([], {})).toEqual({ port: 8080, blank: false, help: false });
    expect(parseArgs([], { PORT: '9000' }).port).toBe(9000);
    expect(parseArgs(['--port', '8081'], { PORT: '9000' }).port).toBe(8081);
    expect(parseArgs(['--port=0'], {}).port).toBe(0);
    expect(parseArgs(['--state', 'x.json', '--blank'], {})).toMatchObject({
      stateFile: path.resolve('x.json'),
      blank: true,
    });
  });

  it('rejects unknown options and bad ports with a message', () => {
    expect(() => parseArgs(['--nope'], {})).toThrow(/Unknown option --nope/);
    expect(() => parseArgs(['--port', 'abc'], {})).toThrow(/port must be a whole number/);
    expect(() => parseArgs(['--port'], {})).toThrow(/--port needs a value/);
    expect(() => parseArgs([], { PORT: '70000' })).toThrow(/port must be/);
  });
});
