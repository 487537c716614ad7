/**
 * The sidebar page as a file: one self-contained HTML document (no external scripts, styles or fonts), small,
 * with zod kept out of the browser bundle and no HTML parsing of data anywhere in the browser code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtFile } from '../support/build-output';

const dir = join(__dirname, '..', '..', 'src', 'sidebar');
const html = readFileSync(join(dir, 'sidebar.html'), 'utf8');
const css = readFileSync(join(dir, 'sidebar.css'), 'utf8');

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

describe('the built page (build/Sidebar.html)', () => {
  // What the browser code may import and call is enforced by ESLint (eslint.config.mjs, probed in
  // test/layers.test.ts): types only from core, no zod, no HTML parsing. This checks the page that results.
  const built = readFileSync(builtFile('Sidebar.html'), 'utf8');

  it('is one self-contained page under 100 KB', () => {
    expect(Buffer.byteLength(built)).toBeLessThan(100 * 1024);
    expect(built).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet|@import/i);
  });

  it('carries no zod (the server parses every payload)', () => {
    expect(built).not.toMatch(/\$Zod|ZodError/);
  });
});
