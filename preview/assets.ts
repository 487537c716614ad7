/**
 * The page's static files: preview/page/*.ts bundled by esbuild (plain TypeScript, no framework) into the
 * git-ignored preview-dist/ — never build/, which is exactly what clasp pushes. The server serves only the
 * files listed here, from memory.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Asset {
  type: string;
  body: Buffer;
}

/** URL path → file in preview-dist/. Nothing else is served from disk. */
const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  '/favicon.svg': { file: 'favicon.svg', type: 'image/svg+xml' },
};

export const PANEL_SHIM = 'panel-shim.js';

function esbuildBinary(root: string): string {
  const bin = path.join(root, 'node_modules', 'esbuild', 'bin', 'esbuild');
  if (!fs.existsSync(bin)) throw new Error(`esbuild is not installed (${bin}): run npm install.`);
  return bin;
}

/** Bundles the page and the sidebar shim into <root>/preview-dist and copies the HTML/CSS next to them. */
export function buildPage(root: string): string {
  const src = path.join(root, 'preview', 'page');
  const out = path.join(root, 'preview-dist');
  fs.mkdirSync(out, { recursive: true });
  // Built into a private folder, then renamed into place file by file: several processes (jest workers, a
  // running `npm start`) may build at once, and none may ever read a half-written file.
  const tmp = fs.mkdtempSync(path.join(out, '.build-'));
  try {
    const bundles: [string, string][] = [
      ['app.ts', 'app.js'],
      ['panel-shim.ts', PANEL_SHIM],
    ];
    for (const [entry, file] of bundles) {
      // The CLI (not the JS API) so this also works inside jest's module sandbox.
      execFileSync(
        esbuildBinary(root),
        [
          path.join(src, entry),
          '--bundle',
          '--format=iife',
          '--target=es2020',
          '--platform=browser',
          '--log-level=warning',
          `--outfile=${path.join(tmp, file)}`,
        ],
        { stdio: ['ignore', 'inherit', 'inherit'] },
      );
    }
    for (const file of ['index.html', 'app.css', 'favicon.svg']) {
      fs.copyFileSync(path.join(src, file), path.join(tmp, file));
    }
    for (const file of fs.readdirSync(tmp)) fs.renameSync(path.join(tmp, file), path.join(out, file));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}

export function loadAssets(dist: string): { files: Map<string, Asset>; shim: string } {
  const files = new Map<string, Asset>();
  for (const [url, { file, type }] of Object.entries(STATIC)) {
    files.set(url, { type, body: fs.readFileSync(path.join(dist, file)) });
  }
  return { files, shim: fs.readFileSync(path.join(dist, PANEL_SHIM), 'utf8') };
}

/**
 * The document of a sidebar or dialog: the HTML the server code passed to showSidebar, with the
 * google.script.run / google.script.host shim placed first so the page's own scripts find it.
 */
export function panelDocument(html: string, shim: string, id: number): string {
  const script = `<script>window.__scorecardPanelId=${id};${shim.replace(/<\/script/gi, '<\\/script')}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head)
    return html.slice(0, head.index + head[0].length) + script + html.slice(head.index + head[0].length);
  return script + html;
}
