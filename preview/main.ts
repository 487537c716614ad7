/**
 * `npm start`: the whole add-on in a browser, without a Google account. npm has already built the add-on
 * (build/); this bundles the page, starts the server on 127.0.0.1 and prints its address.
 *
 *   npm start                        # http://127.0.0.1:8080/
 *   npm start -- --port 8081         # or PORT=8081 npm start
 *   npm start -- --state preview.json  # keep the workbook between runs (replays your changes on start)
 *   npm start -- --blank             # start from an empty spreadsheet instead of the sample
 */
import { type Args, USAGE, parseArgs } from './args';
import { PortInUseError, startPreview } from './server';

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2), process.env);
    if (args.help) {
      console.log(USAGE);
      process.exit(0);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  let preview;
  try {
    preview = await startPreview({
      port: args.port,
      stateFile: args.stateFile,
      start: args.blank ? 'blank' : 'sample',
    });
  } catch (error) {
    console.error(
      error instanceof PortInUseError ? error.message : `Could not start the preview: ${String(error)}`,
    );
    process.exit(1);
  }
  console.log(`Scorecard preview running at ${preview.url}`);
  console.log(
    args.stateFile
      ? `State is saved to ${args.stateFile} after every change.`
      : 'State lives in memory only (start with --state file.json to keep it). Nothing is sent anywhere.',
  );
  console.log('Press Ctrl-C to stop.');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the preview.`);
    preview.close().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
