/** A tiny HTTP client for the preview tests: raw paths (no URL normalisation), any body, JSON answers. */
import * as http from 'node:http';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURE_CODE = path.join(__dirname, 'fixtures', 'Code.js');

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any;
}

export function request(
  port: number,
  method: string,
  rawPath: string,
  options: { body?: string | Buffer; json?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const body =
    options.json !== undefined
      ? JSON.stringify(options.json)
      : (options.body ?? (undefined as string | undefined));
  const headers: Record<string, string> = {
    ...(options.json !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...(options.headers ?? {}),
  };
  if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: rawPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export const post = (port: number, p: string, json: unknown) => request(port, 'POST', p, { json });
export const get = (port: number, p: string) => request(port, 'GET', p);

/** The grid cell of the active sheet in a state, by A1 ("G5"). */
export function cell(state: any, a1: string): any {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(a1);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return state.grid.cells[Number(m[2]) - 1]?.[col - 1] ?? null;
}
