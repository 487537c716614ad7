/** Command-line options of `npm start` (preview/main.ts). */
import * as path from 'node:path';

export interface Args {
  port: number;
  stateFile?: string;
  blank: boolean;
  help: boolean;
}

export const USAGE = 'usage: npm start -- [--port N] [--state file.json] [--blank]   (or PORT=N npm start)';

/** Parses argv (after the script name); PORT in the environment is the default port (8080 without it). */
export function parseArgs(argv: readonly string[], env: Record<string, string | undefined>): Args {
  const args: Args = { port: env.PORT ? Number(env.PORT) : 8080, blank: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value. ${USAGE}`);
      return v;
    };
    if (flag === '--port' || flag === '-p') args.port = Number(value());
    else if (flag === '--state') args.stateFile = path.resolve(value());
    else if (flag === '--blank') args.blank = true;
    else if (flag === '--help' || flag === '-h') args.help = true;
    else throw new Error(`Unknown option ${arg}. ${USAGE}`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
    throw new Error(`The port must be a whole number from 0 to 65535 (got "${String(args.port)}"). ${USAGE}`);
  }
  return args;
}
