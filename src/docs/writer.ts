/**
 * Writes a rendered document (the DocBlock model of src/core/templates) to Google Docs.
 *
 * User text (candidate names, template wording) only ever reaches Docs as the literal argument of
 * appendParagraph / appendListItem / appendTable / setName: never through Body.replaceText (which takes a regular
 * expression and a replacement pattern), so "$1", "\", "(", "*" or "{{" end up in the document exactly as typed.
 * Formatting is applied afterwards by offsets (setBold / setLinkUrl), computed from the model's runs.
 *
 * Scopes: `https://www.googleapis.com/auth/documents` (DocumentApp.create / openById, Document.addEditors). A new
 * document is made in its creator's My Drive, shared with the candidate's people (sharing.ts), and then moved
 * into the creator's documents folder by src/docs/folder.ts (Advanced Drive service, `drive.file` scope). Replacing a document overwrites it in place through DocumentApp (same link, same folder; earlier content
 * stays in the document's version history), which needs no Drive scope at all.
 */
import type { DocBlock, InterviewDocument, TextRun } from '../core/templates/document';
import { NOT_SHARED, type Sharing, shareDocument } from './sharing';

type DocumentApp = GoogleAppsScript.Document.DocumentApp;
type Body = GoogleAppsScript.Document.Body;
type Text = GoogleAppsScript.Document.Text;

export interface WrittenDocument {
  readonly id: string;
  readonly url: string;
  /** Who it was shared with, and who Google refused (see sharing.ts). */
  readonly sharing: Sharing;
}

/** Bold and link ranges of a run list, as inclusive offsets into the joined text. */
function formatRuns(text: Text, runs: readonly TextRun[], offset = 0): void {
  let at = offset;
  for (const run of runs) {
    const end = at + run.text.length - 1;
    if (run.text.length > 0) {
      if (run.bold) text.setBold(at, end, true);
      if (run.link) text.setLinkUrl(at, end, run.link);
    }
    at = end + 1;
  }
}

function joined(runs: readonly TextRun[]): string {
  return runs.map((r) => r.text).join('');
}

function hasFormat(runs: readonly TextRun[]): boolean {
  return runs.some((r) => r.text.length > 0 && (r.bold === true || r.link !== undefined));
}

function allBold(runs: readonly TextRun[]): boolean {
  return runs.every((r) => r.text.length === 0 || (r.bold === true && r.link === undefined));
}

function writeTable(body: Body, header: TextRun[][] | null, rows: TextRun[][][]): void {
  const all = header ? [header, ...rows] : rows;
  if (all.length === 0) return;
  const width = Math.max(1, ...all.map((r) => r.length));
  const cells = all.map((r) => Array.from({ length: width }, (_, c) => joined(r[c] ?? [])));
  const table = body.appendTable(cells);
  let first = 0;
  if (header && header.every(allBold)) {
    // One call chain for the whole header row instead of one per cell.
    table.getRow(0).editAsText().setBold(true);
    first = 1;
  }
  all.forEach((row, r) => {
    if (r < first) return;
    row.forEach((runs, c) => {
      if (hasFormat(runs)) formatRuns(table.getCell(r, c).editAsText(), runs);
    });
  });
}

/** Appends the blocks to the body, in as few calls as the structure allows. */
export function writeBlocks(app: DocumentApp, body: Body, blocks: readonly DocBlock[]): void {
  const headings = app.ParagraphHeading;
  for (const block of blocks) {
    switch (block.type) {
      case 'title':
        body.appendParagraph(block.text).setHeading(headings.TITLE);
        break;
      case 'heading':
        body
          .appendParagraph(block.text)
          .setHeading(block.level === 1 ? headings.HEADING1 : headings.HEADING2);
        break;
      case 'paragraph': {
        const p = body.appendParagraph(joined(block.runs));
        if (hasFormat(block.runs)) formatRuns(p.editAsText(), block.runs);
        break;
      }
      case 'list':
        for (const item of block.items) {
          const li = body.appendListItem(joined(item));
          if (hasFormat(item)) formatRuns(li.editAsText(), item);
        }
        break;
      case 'table':
        writeTable(body, block.header, block.rows);
        break;
    }
  }
}

/**
 * Fills a body that holds only the single empty paragraph Docs gives a new or cleared document, then removes
 * that paragraph so the document starts with its title.
 */
function fill(app: DocumentApp, body: Body, blocks: readonly DocBlock[]): void {
  writeBlocks(app, body, blocks);
  if (blocks.length > 0) body.getChild(0).removeFromParent();
}

/** Creates a new Google Doc from the model, shared (as editors) with `shareWith`. */
export function createDocument(
  app: DocumentApp,
  doc: InterviewDocument,
  shareWith: readonly string[] = [],
): WrittenDocument {
  const document = app.create(doc.name);
  fill(app, document.getBody(), doc.blocks);
  const sharing = shareDocument(document, shareWith);
  const written = { id: document.getId(), url: document.getUrl(), sharing };
  document.saveAndClose();
  return written;
}

/** Opens a document, or null when this user cannot (deleted, or never shared with them). */
export function openDocument(app: DocumentApp, id: string): GoogleAppsScript.Document.Document | null {
  try {
    return app.openById(id);
  } catch {
    return null;
  }
}

/**
 * Replaces the content and name of an existing Google Doc (same id and link; Docs keeps the earlier content in
 * its version history), and shares it with `shareWith` (people added since it was made get it too). `target` is
 * its id, or the document already opened. Returns null when the document cannot be opened (deleted, or not shared
 * with this user).
 */
export function overwriteDocument(
  app: DocumentApp,
  target: string | GoogleAppsScript.Document.Document,
  doc: InterviewDocument,
  shareWith: readonly string[] = [],
): WrittenDocument | null {
  const document = typeof target === 'string' ? openDocument(app, target) : target;
  if (!document) return null;
  document.setName(doc.name);
  const body = document.getBody();
  body.clear();
  fill(app, body, doc.blocks);
  const sharing = shareWith.length > 0 ? shareDocument(document, shareWith) : NOT_SHARED;
  const written = { id: document.getId(), url: document.getUrl(), sharing };
  document.saveAndClose();
  return written;
}

/** The link Google Docs gives a document. */
export function documentUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

/** The document id inside a Google Docs link, or null when the text is not one. */
export function documentIdFromUrl(value: unknown): string | null {
  const match = /^https:\/\/docs\.google\.com\/document\/d\/([A-Za-z0-9_-]{10,})(?:[/?#]|$)/.exec(
    String(value ?? '').trim(),
  );
  return match ? match[1] : null;
}
