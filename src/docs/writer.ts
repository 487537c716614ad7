/**
 * Writes a rendered document (the DocBlock model of src/core/templates) to Google Docs, in two steps:
 *
 * 1. Content through DocumentApp: one append per paragraph, list item or whole table (appendTable(cells) takes
 *    every cell in one call). User text (candidate names, template wording) only ever reaches Docs as the literal
 *    argument of appendParagraph / appendListItem / appendTable / setName: never through Body.replaceText (which
 *    takes a regular expression and a replacement pattern), so "$1", "\", "(", "*" or "{{" stay exactly as typed.
 * 2. Style — page size and margins, heading styles, bold and links, column widths, shaded rows (styling.ts) — in
 *    one Docs API batchUpdate after saving (docs-api.ts), so a document costs a fixed handful of calls plus one
 *    per element, whatever its formatting. Without the Advanced Docs service, or when the Docs API refuses, the
 *    same plan is applied through DocumentApp instead (more calls, same document), and the batch says so once.
 *
 * Scopes: `https://www.googleapis.com/auth/documents` (DocumentApp.create / openById, Document.addEditors, and
 * the Docs API). A new document is made in its creator's My Drive, shared with the candidate's people
 * (sharing.ts), and then moved into the creator's documents folder by src/docs/folder.ts (Advanced Drive service,
 * `drive.file` scope). Replacing a document overwrites it in place (same link, same folder; earlier content stays
 * in the document's version history), which needs no Drive scope at all.
 */
import type { DocBlock, InterviewDocument } from '../core/templates/document';
import type { PageSetup } from '../core/templates/page';
import { type DocsDocuments, locate, styleRequests } from './docs-api';
import { NOT_SHARED, type Sharing, shareDocument } from './sharing';
import { type StylePlan, type TextPlace, SHADE, joined, stylePlan, tableCells } from './styling';

type DocumentApp = GoogleAppsScript.Document.DocumentApp;
type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type ListItem = GoogleAppsScript.Document.ListItem;
type Table = GoogleAppsScript.Document.Table;

export interface WrittenDocument {
  readonly id: string;
  readonly url: string;
  /** Who it was shared with, and who Google refused (see sharing.ts). */
  readonly sharing: Sharing;
}

/** The element each block became: a paragraph, a list's items, or a table. */
type Written =
  | { readonly kind: 'paragraph'; readonly element: Paragraph }
  | { readonly kind: 'list'; readonly items: readonly ListItem[] }
  | { readonly kind: 'table'; readonly element: Table };

/** Appends the blocks' content to the body: one call per paragraph, list item or table. */
function writeContent(body: Body, blocks: readonly DocBlock[]): Written[] {
  return blocks.map((block): Written => {
    switch (block.type) {
      case 'title':
      case 'heading':
        return { kind: 'paragraph', element: body.appendParagraph(block.text) };
      case 'paragraph':
        return { kind: 'paragraph', element: body.appendParagraph(joined(block.runs)) };
      case 'list':
        return { kind: 'list', items: block.items.map((item) => body.appendListItem(joined(item))) };
      case 'table':
        return {
          kind: 'table',
          element: body.appendTable(tableCells(block).map((row) => row.map((runs) => joined(runs)))),
        };
    }
  });
}

/**
 * The written elements found again in a reopened document: the blocks' elements are the body's children in
 * order (the empty paragraph Docs starts with was removed); an empty paragraph Docs added of its own (after a
 * table) is passed over.
 */
function findWritten(app: DocumentApp, body: Body, blocks: readonly DocBlock[]): Written[] {
  const { TABLE, LIST_ITEM, PARAGRAPH } = app.ElementType;
  let child = 0;
  const next = (type: GoogleAppsScript.Document.ElementType, text?: string) => {
    for (;;) {
      const element = body.getChild(child++);
      if (element.getType() === type && (text === undefined || element.asText().getText() === text))
        return element;
    }
  };
  return blocks.map((block): Written => {
    if (block.type === 'table') return { kind: 'table', element: next(TABLE).asTable() };
    if (block.type === 'list')
      return { kind: 'list', items: block.items.map((item) => next(LIST_ITEM, joined(item)).asListItem()) };
    const text = block.type === 'paragraph' ? joined(block.runs) : block.text;
    return { kind: 'paragraph', element: next(PARAGRAPH, text).asParagraph() };
  });
}

/** The plan applied element by element through DocumentApp (when the Docs API is not available). */
function styleWithDocumentApp(
  app: DocumentApp,
  body: Body,
  written: readonly Written[],
  plan: StylePlan,
): void {
  const { page } = plan;
  body
    .setPageWidth(page.width)
    .setPageHeight(page.height)
    .setMarginTop(page.marginTop)
    .setMarginBottom(page.marginBottom)
    .setMarginLeft(page.marginLeft)
    .setMarginRight(page.marginRight);
  const headings = {
    TITLE: app.ParagraphHeading.TITLE,
    HEADING_1: app.ParagraphHeading.HEADING1,
    HEADING_2: app.ParagraphHeading.HEADING2,
  };
  for (const { block, style } of plan.headings) {
    const w = written[block];
    if (w.kind === 'paragraph') w.element.setHeading(headings[style]);
  }
  const textOf = (place: TextPlace) => {
    const w = written[place.block];
    if (place.kind === 'cell')
      return (w as Extract<Written, { kind: 'table' }>).element.getCell(place.row, place.column).editAsText();
    return w.kind === 'list'
      ? w.items[place.item].editAsText()
      : (w as { element: Paragraph }).element.editAsText();
  };
  for (const t of plan.text) {
    const text = textOf(t.place);
    if (t.bold) text.setBold(t.start, t.end - 1, true);
    if (t.link) text.setLinkUrl(t.start, t.end - 1, t.link);
  }
  for (const t of plan.tables) {
    const table = (written[t.block] as Extract<Written, { kind: 'table' }>).element;
    t.widths?.forEach((width, column) => table.setColumnWidth(column, width));
    for (const row of t.shaded) {
      for (let column = 0; column < t.columns; column++) table.getCell(row, column).setBackgroundColor(SHADE);
    }
  }
}

/** Writes documents, styling them through the Docs API while it answers. */
export interface DocumentWriter {
  /** Creates a new Google Doc from the model, shared (as editors) with `shareWith`. */
  create(doc: InterviewDocument, shareWith?: readonly string[]): WrittenDocument;
  /**
   * Replaces the content and name of an existing Google Doc (same id and link; Docs keeps the earlier content in
   * its version history), and shares it with `shareWith` (people added since it was made get it too). `target` is
   * its id, or the document already opened. Null when the document cannot be opened (deleted, or not shared with
   * this user).
   */
  overwrite(
    target: string | GoogleAppsScript.Document.Document,
    doc: InterviewDocument,
    shareWith?: readonly string[],
  ): WrittenDocument | null;
  /** What the user should know once the batch is done: that the Docs API refused, if it did. */
  report(): string[];
}

export interface WriterOptions {
  readonly app: DocumentApp;
  /** The Advanced Docs service's Documents, or undefined when the service is not enabled for the script. */
  readonly docs: DocsDocuments | undefined;
  readonly page: PageSetup;
}

export function documentWriter(options: WriterOptions): DocumentWriter {
  const { app, page } = options;
  let docs = options.docs;
  let refusal: string | null = null;

  /**
   * Fills a body that holds only the single empty paragraph Docs gives a new or cleared document (removed after,
   * so the document starts with its title), styles it and saves it.
   */
  function fill(
    document: GoogleAppsScript.Document.Document,
    body: Body,
    blocks: readonly DocBlock[],
    sharing: Sharing,
  ): WrittenDocument {
    const written = writeContent(body, blocks);
    if (blocks.length > 0) body.getChild(0).removeFromParent();
    const plan = stylePlan(blocks, page);
    const result = { id: document.getId(), url: document.getUrl(), sharing };
    if (!docs) {
      styleWithDocumentApp(app, body, written, plan);
      document.saveAndClose();
      return result;
    }
    // The Docs API sees DocumentApp's edits only once they are saved.
    document.saveAndClose();
    try {
      const requests = styleRequests(plan, locate(docs.get(result.id), blocks));
      docs.batchUpdate({ requests }, result.id);
    } catch (error) {
      // Not asked again in this batch; this document is styled the slower way.
      refusal = error instanceof Error ? error.message : String(error);
      docs = undefined;
      const reopened = app.openById(result.id);
      const reopenedBody = reopened.getBody();
      styleWithDocumentApp(app, reopenedBody, findWritten(app, reopenedBody, blocks), plan);
      reopened.saveAndClose();
    }
    return result;
  }

  return {
    create(doc, shareWith = []) {
      const document = app.create(doc.name);
      return fill(document, document.getBody(), doc.blocks, shareDocument(document, shareWith));
    },
    overwrite(target, doc, shareWith = []) {
      const document = typeof target === 'string' ? openDocument(app, target) : target;
      if (!document) return null;
      document.setName(doc.name);
      const body = document.getBody();
      body.clear();
      const sharing = shareWith.length > 0 ? shareDocument(document, shareWith) : NOT_SHARED;
      return fill(document, body, doc.blocks, sharing);
    },
    report() {
      return refusal === null
        ? []
        : [
            `The Google Docs API refused to format a document (${refusal}), so DocumentApp formatted them instead (slower, same result).`,
          ];
    },
  };
}

/** Opens a document, or null when this user cannot (deleted, or never shared with them). */
export function openDocument(app: DocumentApp, id: string): GoogleAppsScript.Document.Document | null {
  try {
    return app.openById(id);
  } catch {
    return null;
  }
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
