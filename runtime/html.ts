/** HtmlService fake: HtmlOutput and a minimal HtmlTemplate (<?= ?>, <?!= ?>, <? ?> scriptlets). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Api } from './api';
import { Counters, instrument } from './counters';
import type { Realm } from './realm';

const fileCache = new Map<string, string>();

function readCached(file: string): string {
  let text = fileCache.get(file);
  if (text === undefined) {
    text = fs.readFileSync(file, 'utf8');
    fileCache.set(file, text);
  }
  return text;
}

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

/** Checked against @types/google-apps-script (api.ts) except: getWidth (undefined until set (the real default is not pinned)); getHeight (undefined until set); setSandboxMode (SandboxMode enum); setXFrameOptionsMode (XFrameOptionsMode enum). */
export class FakeHtmlOutput implements Api<
  GoogleAppsScript.HTML.HtmlOutput,
  | 'addMetaTag'
  | 'append'
  | 'appendUntrusted'
  | 'clear'
  | 'getContent'
  | 'getMetaTags'
  | 'getTitle'
  | 'setContent'
  | 'setFaviconUrl'
  | 'setHeight'
  | 'setTitle'
  | 'setWidth'
> {
  _title = '';
  _width?: number;
  _height?: number;
  _sandboxMode?: string;
  _xFrameOptionsMode?: string;
  readonly _metaTags: Array<{ name: string; content: string }> = [];

  constructor(
    readonly _counters: Counters,
    public _content: string,
  ) {}

  setTitle(title: string): FakeHtmlOutput {
    this._title = title;
    return this;
  }

  getTitle(): string {
    return this._title;
  }

  setWidth(width: number): FakeHtmlOutput {
    this._width = width;
    return this;
  }

  getWidth(): number | undefined {
    return this._width;
  }

  setHeight(height: number): FakeHtmlOutput {
    this._height = height;
    return this;
  }

  getHeight(): number | undefined {
    return this._height;
  }

  getContent(): string {
    return this._content;
  }

  setContent(content: string): FakeHtmlOutput {
    this._content = content;
    return this;
  }

  append(addedContent: string): FakeHtmlOutput {
    this._content += addedContent;
    return this;
  }

  appendUntrusted(addedContent: string): FakeHtmlOutput {
    this._content += addedContent.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    return this;
  }

  clear(): FakeHtmlOutput {
    this._content = '';
    return this;
  }

  setSandboxMode(mode: string): FakeHtmlOutput {
    this._sandboxMode = mode;
    return this;
  }

  setXFrameOptionsMode(mode: string): FakeHtmlOutput {
    this._xFrameOptionsMode = mode;
    return this;
  }

  addMetaTag(name: string, content: string): FakeHtmlOutput {
    this._metaTags.push({ name, content });
    return this;
  }

  getMetaTags(): Array<{ getName(): string; getContent(): string }> {
    return this._metaTags.map((t) => ({ getName: () => t.name, getContent: () => t.content }));
  }

  setFaviconUrl(_url: string): FakeHtmlOutput {
    return this;
  }
}
instrument(FakeHtmlOutput, 'HtmlOutput');

function escapeHtml(v: unknown): string {
  return String(v).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

export class FakeHtmlTemplate implements Api<GoogleAppsScript.HTML.HtmlTemplate, 'evaluate' | 'getCode'> {
  [variable: string]: unknown;

  constructor(
    readonly _counters: Counters,
    private readonly _source: string,
  ) {}

  getCode(): string {
    return this._source;
  }

  evaluate(): FakeHtmlOutput {
    const parts: string[] = ['let __out = "";'];
    const re = /<\?(!?=)?([\s\S]*?)\?>/g;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(this._source))) {
      parts.push(`__out += ${JSON.stringify(this._source.slice(last, m.index))};`);
      if (m[1] === '=') parts.push(`__out += __esc(${m[2]});`);
      else if (m[1] === '!=') parts.push(`__out += String(${m[2]});`);
      else parts.push(m[2]);
      last = re.lastIndex;
    }
    parts.push(`__out += ${JSON.stringify(this._source.slice(last))}; return __out;`);
    const vars = Object.keys(this).filter((k) => !k.startsWith('_'));
    const fn = new Function('__esc', ...vars, parts.join('\n')) as (...a: unknown[]) => string;
    const html = fn(escapeHtml, ...vars.map((k) => this[k]));
    return new FakeHtmlOutput(this._counters, html);
  }
}
instrument(FakeHtmlTemplate, 'HtmlTemplate');

export class FakeHtmlService implements Api<
  GoogleAppsScript.HTML.HtmlService,
  'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile'
> {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    readonly _counters: Counters,
    private readonly _realm: Realm,
    /** Folder of the pushed .html files (build/). */
    private readonly _htmlDir: string,
  ) {}

  private _read(name: string): string {
    const file = path.join(this._htmlDir, name.endsWith('.html') ? name : `${name}.html`);
    if (!fs.existsSync(file)) throw this._realm.error(`Exception: No HTML file named ${name} was found.`);
    return readCached(file);
  }

  createHtmlOutput(html?: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this._counters, html ?? '');
  }

  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this._counters, this._read(filename));
  }

  createTemplate(html: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this._counters, html);
  }

  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this._counters, this._read(filename));
  }
}
instrument(FakeHtmlService, 'HtmlService');
