/**
 * The local preview's web server (Node's http module, bound to 127.0.0.1). It serves the page's few static
 * files from memory, the sidebar/dialog documents the add-on showed, and a JSON API over one PreviewSession:
 *
 *   GET  /api/state?since=N&rows=R   the workbook, menus, user, open panels, documents, events after N
 *   GET  /api/document/:id           a generated document as HTML
 *   GET  /panel/:id                  an open sidebar or dialog (its HTML with the google.script shim)
 *   POST /api/cell    {sheet, a1, input}            type into a cell (422 when validation rejects it)
 *   POST /api/select  {sheet, a1 | ranges}          the selection the add-on sees (?state=1 returns state)
 *   POST /api/menu    {functionName, answers?}      run a menu item (may answer "needs-input")
 *   POST /api/run     {functionName, args}          google.script.run
 *   POST /api/user    {email}                       Session.getActiveUser()
 *   POST /api/reset   {mode?: "sample" | "blank"}   start over
 *   POST /api/reload  {}                            reopen the spreadsheet (onOpen runs again)
 *   POST /api/triggers {}                            run every installed time-driven trigger now, as its owner
 *   POST /api/panel/close {id}                      google.script.host.close()
 *
 * Bad requests get a 4xx JSON {error}; nothing a client sends crashes the server.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { type Asset, buildPage, loadAssets, panelDocument } from './assets';
import type { ErrorResponse } from './protocol';
import { CellRejected, PreviewInputError, PreviewSession, type StartMode } from './session';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface PreviewOptions {
  /** Repository root (default: the current directory). */
  root?: string;
  /** Port to listen on; 0 picks a free one. Default 8080. */
  port?: number;
  /** Interface to bind (default 127.0.0.1: the preview is never reachable from elsewhere). */
  host?: string;
  /** Built add-on (default <root>/build). */
  buildDir?: string;
  /** Script files instead of every build/*.js (tests load fixtures). */
  codeFiles?: string[];
  start?: StartMode;
  stateFile?: string;
  /** Skip bundling the page (it was built already in this process). */
  skipPageBuild?: boolean;
  log?: (message: string) => void;
}

export interface PreviewServer {
  readonly url: string;
  readonly port: number;
  readonly server: http.Server;
  readonly session: PreviewSession;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is in use; start with --port ${port + 1} or PORT=${port + 1}`);
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let pageBuiltFor: string | undefined;

export async function startPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
  const root = path.resolve(options.root ?? process.cwd());
  if (!options.skipPageBuild && pageBuiltFor !== root) {
    buildPage(root);
    pageBuiltFor = root;
  }
  const assets = loadAssets(path.join(root, 'preview-dist'));
  const host = options.host ?? '127.0.0.1';
  // The session is created right after listen, in the same turn: no request can arrive before it exists.
  let session: PreviewSession | undefined;
  const server = http.createServer((req, res) => {
    // Only this machine's names for the server: a web page elsewhere cannot reach it by DNS rebinding.
    const port = (server.address() as AddressInfo | null)?.port;
    const hostHeader = String(req.headers.host ?? '');
    if (![`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(hostHeader.toLowerCase())) {
      req.resume();
      sendJson(res, 403, { error: `Unexpected Host header "${hostHeader}".` });
      return;
    }
    if (!session) {
      req.resume();
      sendJson(res, 503, { error: 'The preview is starting.' });
      return;
    }
    handle(req, res, session, assets).catch((error: unknown) => {
      sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  server.keepAliveTimeout = 2000;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.port ?? 8080) : error);
    };
    server.once('error', onError);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  try {
    session = new PreviewSession({
      buildDir: path.resolve(options.buildDir ?? path.join(root, 'build')),
      codeFiles: options.codeFiles,
      start: options.start,
      stateFile: options.stateFile,
      log: options.log,
    });
  } catch (error) {
    server.close();
    throw error;
  }
  const ready = session;
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/`,
    port,
    server,
    session: ready,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function sendAsset(res: http.ServerResponse, asset: Asset, head: boolean): void {
  res.writeHead(200, {
    'Content-Type': asset.type,
    'Content-Length': asset.body.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(head ? undefined : asset.body);
}

/** Reads a JSON body of at most MAX_BODY_BYTES (the rest is drained, then 413). */
function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const type = String(req.headers['content-type'] ?? '');
    const declared = Number(req.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared > MAX_BODY_BYTES;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      // Someone streaming far more than any request needs: stop listening.
      if (size > 16 * MAX_BODY_BYTES) req.destroy();
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new HttpError(413, 'Request body too large or aborted.'));
    });
    req.on('end', () => {
      if (tooLarge) {
        reject(new HttpError(413, `Request body too large (limit ${MAX_BODY_BYTES} bytes).`));
        return;
      }
      if (!/^application\/json\b/i.test(type)) {
        reject(new HttpError(415, 'Send the request body as JSON (Content-Type: application/json).'));
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        reject(new HttpError(400, 'The request body is not valid JSON.'));
        return;
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        reject(new HttpError(400, 'The request body must be a JSON object.'));
        return;
      }
      resolve(parsed as Record<string, unknown>);
    });
  });
}

function intParam(url: URL, name: string, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new HttpError(400, `"${name}" must be a whole number.`);
  return n;
}

async function handle(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  session: PreviewSession,
  assets: ReturnType<typeof loadAssets>,
): Promise<void> {
  const method = req.method ?? 'GET';
  const rawPath = req.url ?? '/';
  let url: URL;
  try {
    url = new URL(rawPath, 'http://preview.invalid');
  } catch {
    sendJson(res, 400, { error: 'Bad request URL.' } satisfies ErrorResponse);
    return;
  }
  // Exact paths only: "/../package.json", "/%2e%2e/" and friends match nothing and get 404.
  const pathname = rawPath.split('?')[0];
  const since = () => intParam(url, 'since', Number.MAX_SAFE_INTEGER);
  const state = () => session.state(since(), intParam(url, 'rows', 100000));
  try {
    if (method === 'GET' || method === 'HEAD') {
      const asset = assets.files.get(pathname);
      if (asset) return sendAsset(res, asset, method === 'HEAD');
      if (pathname === '/api/state') return sendJson(res, 200, state());
      if (pathname === '/api/functions') return sendJson(res, 200, session.functions());
      const doc = /^\/api\/document\/([^/]{1,200})$/.exec(pathname);
      if (doc) {
        let id: string;
        try {
          id = decodeURIComponent(doc[1]);
        } catch {
          throw new HttpError(400, 'Bad document id.');
        }
        const view = session.document(id);
        if (!view) throw new HttpError(404, `No document with id "${id}".`);
        return sendJson(res, 200, view);
      }
      const panel = /^\/panel\/(\d{1,6})$/.exec(pathname);
      if (panel) {
        const html = session.panelHtml(Number(panel[1]));
        if (html === undefined) throw new HttpError(404, 'That sidebar or dialog is not open.');
        return sendAsset(
          res,
          {
            type: 'text/html; charset=utf-8',
            body: Buffer.from(panelDocument(html, assets.shim, Number(panel[1]))),
          },
          method === 'HEAD',
        );
      }
      if (pathname.startsWith('/api/') && API_POSTS.has(pathname)) {
        throw new HttpError(405, `${pathname} takes POST.`);
      }
      throw new HttpError(404, `Not found: ${pathname}`);
    }
    if (method !== 'POST') throw new HttpError(405, `Method ${method} is not allowed.`);
    if (!API_POSTS.has(pathname)) {
      // Drain what was sent so the client gets the answer.
      req.resume();
      throw new HttpError(404, `Not found: ${pathname}`);
    }
    const body = await readJson(req);
    switch (pathname) {
      case '/api/cell':
        try {
          session.editCell(body.sheet, body.a1, body.input);
        } catch (error) {
          if (error instanceof CellRejected) {
            return sendJson(res, 422, { ok: false, rejected: true, error: error.message });
          }
          throw error;
        }
        return sendJson(res, 200, { ok: true, state: state() });
      case '/api/select':
        session.select(body.sheet, body.ranges ?? body.a1);
        return sendJson(
          res,
          200,
          url.searchParams.get('state') === '1'
            ? { ok: true, state: state() }
            : { ok: true, selection: session.state(Number.MAX_SAFE_INTEGER).selection },
        );
      case '/api/menu': {
        const answers = body.answers ?? (body.answer === undefined ? [] : [body.answer]);
        const outcome = session.runMenu(body.functionName, answers);
        if (outcome.status === 'done') return sendJson(res, 200, { status: 'done', state: state() });
        return sendJson(res, 200, outcome);
      }
      case '/api/run': {
        const args = body.args === undefined ? [] : body.args;
        return sendJson(res, 200, session.runFunction(body.functionName, args));
      }
      case '/api/user':
        session.setUser(body.email);
        return sendJson(res, 200, { ok: true, state: state() });
      case '/api/reset': {
        const mode = body.mode ?? 'sample';
        if (mode !== 'sample' && mode !== 'blank') throw new HttpError(400, '"mode" is "sample" or "blank".');
        session.reset(mode);
        return sendJson(res, 200, { ok: true, state: session.state(0) });
      }
      case '/api/reload':
        session.reload();
        return sendJson(res, 200, { ok: true, state: state() });
      case '/api/triggers':
        session.fireTriggers();
        return sendJson(res, 200, { ok: true, state: state() });
      case '/api/panel/close':
        session.closePanel(body.id);
        return sendJson(res, 200, { ok: true, state: state() });
      case '/api/sheet/delete':
        session.deleteSheet(body.sheet);
        return sendJson(res, 200, { ok: true, state: state() });
      case '/api/rows':
        session.changeRows(body.sheet, body.action, body.row, body.count);
        return sendJson(res, 200, { ok: true, state: state() });
    }
    throw new HttpError(404, `Not found: ${pathname}`);
  } catch (error) {
    if (error instanceof HttpError || error instanceof PreviewInputError) {
      return sendJson(res, error.status, { error: error.message } satisfies ErrorResponse);
    }
    const message = error instanceof Error ? error.message : String(error);
    return sendJson(res, 500, { error: `The preview failed: ${message}` } satisfies ErrorResponse);
  }
}

const API_POSTS = new Set([
  '/api/cell',
  '/api/select',
  '/api/menu',
  '/api/run',
  '/api/user',
  '/api/reset',
  '/api/panel/close',
  '/api/reload',
  '/api/triggers',
  '/api/sheet/delete',
  '/api/rows',
]);
