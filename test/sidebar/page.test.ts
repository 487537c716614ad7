/**
 * The sidebar page as a file: one self-contained HTML document (no external scripts, styles or fonts), small,
 * with zod kept out of the browser bundle and no HTML parsing of data anywhere in the browser code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const dir = join(__dirname, '..', '..', 'src', 'sidebar');
const html = readFileSync(join(dir, 'sidebar.html'), 'utf8');
const css = readFileSync(join(dir, 'sidebar.css'), 'utf8');

async function bundle(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [join(dir, 'sidebar.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.some((file) => file.includes('node_modules/zod'))).toBe(false);
  return result.outputFiles[0].text;
}

describe('src/sidebar/sidebar.html', () => {
  it('is an HTML5 document with the build placeholders and the elements the script needs', () => {
    // Prettier writes the doctype in lower case; HTML reads it either way.
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('<!-- SCRIPT -->');
    expect(html).toContain('<!-- STYLE -->');
    expect(html).toContain('<base target="_blank" />');
    for (const id of [
      'candidate',
      'loading',
      'tabs',
      'tab-score',
      'tab-panel',
      'view-score',
      'view-panel',
      'status',
    ]) {
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toMatch(/id="status"[^>]*role="status"[^>]*aria-live="polite"/);
  });

  it('loads nothing from outside', () => {
    for (const text of [html, css]) {
      expect(text).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet|@import|url\(|https?:\/\//i);
    }
  });

  it('is styled as a 300 px Workspace sidebar', () => {
    expect(css).toContain('max-width: 300px');
    expect(css).toContain('#1a73e8');
    expect(css).toContain('font-size: 13px');
    expect(css).toMatch(/font-family:\s*'Google Sans',\s*Roboto/);
  });
});

describe('browser code', () => {
  it('never parses data as HTML', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      expect([
        file,
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/.test(source),
      ]).toEqual([file, false]);
    }
  });

  it('imports only types from the contract', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const match of source.matchAll(/import\s+(type\s+)?[^;]*?from\s+'([^']+)'/g)) {
        if (match[2].includes('core/contract')) expect([file, match[1]]).toEqual([file, 'type ']);
        expect(match[2]).not.toMatch(/^zod/);
      }
    }
  });

  it('bundles without zod into a page under 100 KB', async () => {
    const js = await bundle();
    const page = html
      .replace('<!-- SCRIPT -->', `<script>${js}</script>`)
      .replace('<!-- STYLE -->', `<style>${css}</style>`);
    expect(Buffer.byteLength(page)).toBeLessThan(100 * 1024);
    expect(js).not.toContain('innerHTML');
  });
});
