/**
 * The Docs adapter on the DocumentApp and Advanced Docs service fakes: the model becomes title/heading
 * paragraphs, real tables with column widths and shaded rows, list items, bold and links at the right places, on
 * the page it was laid out for; user text goes in literally; styling takes one Docs API call, or DocumentApp
 * calls when the Docs API is missing or refuses; replacing rewrites the same document.
 */
import { PROGRESS_EVERY, runBatch, type DocJob } from '../../src/docs/batch';
import { safeCellValue } from '../../src/docs/links';
import { type DocumentWriter, documentIdFromUrl, documentWriter } from '../../src/docs/writer';
import type { DocsDocuments } from '../../src/docs/docs-api';
import type { DocBlock, InterviewDocument } from '../../src/core/templates/document';
import { pageSetup } from '../../src/core/templates/page';
import { type DocModel, createRuntime } from '../../runtime';

type App = GoogleAppsScript.Document.DocumentApp;

const A4 = pageSetup('A4');

/** The runtime's Docs fakes on their own: no script loaded, so every counted call is the adapter's. */
function setup(options: { docsApi?: boolean } = {}) {
  const rt = createRuntime({ codeFiles: [] });
  const { counters, documents } = rt;
  const app = documents.app as unknown as App;
  const docs =
    options.docsApi === false ? undefined : (rt.docsApi.service.Documents as unknown as DocsDocuments);
  const writer = documentWriter({ app, docs, page: A4 });
  return { rt, counters, documents, app, docs, writer };
}

const NASTY = 'Ada $1 $& \\ (x)* [a-z]+ {{candidate.name}} <b>&amp;</b>';

const blocks: DocBlock[] = [
  { type: 'title', text: `Stage 1 — ${NASTY}` },
  { type: 'heading', level: 1, text: 'Agenda' },
  { type: 'heading', level: 2, text: 'Pass rule' },
  { type: 'paragraph', runs: [{ text: 'Who decides: ', bold: true }, { text: NASTY }] },
  {
    type: 'paragraph',
    runs: [{ text: 'See ' }, { text: 'the workbook', link: 'https://example.com/wb' }, { text: '.' }],
  },
  { type: 'list', items: [[{ text: 'one' }], [{ text: 'two ', bold: true }, { text: 'more' }]] },
  {
    type: 'table',
    header: [[{ text: 'Category', bold: true }], [{ text: 'Key risk', bold: true }], []],
    rows: [
      [[{ text: 'Depth', bold: true }, { text: ' — how deep' }], [{ text: 'KEY RISK', bold: true }], []],
      [[{ text: 'Breadth' }], [], [{ text: NASTY }]],
    ],
    widths: [0.5, 0.2, 0.3],
  },
  {
    type: 'table',
    header: null,
    rows: [
      [[{ text: 'Label', bold: true }], [{ text: 'x\n\n' }]],
      [[{ text: 'Second line: ' }, { text: 'bold', bold: true }], []],
    ],
    shadedRows: [0],
  },
];
const doc: InterviewDocument = { name: `Script — ${NASTY}`, blocks };

/** A document model without what differs between two copies of it (id, link). */
function content(model: DocModel): Omit<DocModel, 'id' | 'url'> {
  const { id: _id, url: _url, ...rest } = model;
  return rest;
}

describe('documentWriter', () => {
  test('writes the model as structured, styled Docs content with literal user text, on an A4 page', () => {
    const { writer, documents } = setup();
    const written = writer.create(doc);
    expect(written.url).toBe(`https://docs.google.com/document/d/${written.id}/edit`);
    const model = documents.get(written.id);
    expect(model.name).toBe(doc.name);
    expect(model.page).toEqual({
      width: 595.28,
      height: 841.89,
      marginTop: 54,
      marginBottom: 54,
      marginLeft: 54,
      marginRight: 54,
    });
    expect(model.blocks.map((b) => b.type)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'listItem',
      'listItem',
      'table',
      'table',
    ]);
    expect(model.blocks.slice(0, 3)).toMatchObject([
      { heading: 'TITLE', text: `Stage 1 — ${NASTY}` },
      { heading: 'HEADING1', text: 'Agenda' },
      { heading: 'HEADING2', text: 'Pass rule' },
    ]);
    expect(model.blocks[3]).toMatchObject({
      heading: 'NORMAL',
      text: `Who decides: ${NASTY}`,
      bold: [{ start: 0, end: 12 }],
    });
    expect(model.blocks[4]).toMatchObject({
      text: 'See the workbook.',
      links: [{ start: 4, end: 15, url: 'https://example.com/wb' }],
      bold: [],
    });
    expect(model.blocks[6]).toMatchObject({ text: 'two more', bold: [{ start: 0, end: 3 }] });
    const table = model.blocks[7];
    if (table.type !== 'table') throw new Error('expected a table');
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Category', 'Key risk', ''],
      ['Depth — how deep', 'KEY RISK', ''],
      ['Breadth', '', NASTY],
    ]);
    expect(table.rows[0][0].bold).toEqual([{ start: 0, end: 7 }]);
    expect(table.rows[1][0].bold).toEqual([{ start: 0, end: 4 }]);
    expect(table.rows[1][1].bold).toEqual([{ start: 0, end: 7 }]);
    expect(table.rows[2][2].bold).toEqual([]);
    // Widths are shares of the text width (595.28 − 2 × 54 points); the header row is shaded.
    expect(table.columnWidths).toEqual([243.6, 97.5, 146.2]);
    expect(table.backgrounds).toEqual([
      ['#efefef', '#efefef', '#efefef'],
      [null, null, null],
      [null, null, null],
    ]);
    const second = model.blocks[8];
    if (second.type !== 'table') throw new Error('expected a table');
    // A cell of several lines; bold after the first line lands on the right characters.
    expect(second.rows[0][1].text).toBe('x\n\n');
    expect(second.rows[1][0]).toMatchObject({ text: 'Second line: bold', bold: [{ start: 13, end: 16 }] });
    expect(second.columnWidths).toEqual([null, null]);
    expect(second.backgrounds).toEqual([
      ['#efefef', '#efefef'],
      [null, null],
    ]);
    const html = documents.html(written.id);
    expect(html).toContain('&lt;b&gt;&amp;amp;&lt;/b&gt;');
    expect(html).not.toContain('<b>');
    expect(html).toContain(
      '<a href="https://example.com/wb" rel="noopener noreferrer" target="_blank">the workbook</a>',
    );
    expect(html).toContain('<col style="width:243.6pt">');
    expect(html).toContain('<td style="background:#efefef">');
  });

  test('styling is one Docs API read and one batchUpdate: one DocumentApp call per element, none per bold run', () => {
    const { writer, counters } = setup();
    writer.create(doc);
    const c = counters.toObject();
    expect(c['DocumentApp.create']).toBe(1);
    expect(c['Body.appendParagraph']).toBe(5);
    expect(c['Body.appendListItem']).toBe(2);
    expect(c['Body.appendTable']).toBe(2);
    expect(c['Document.saveAndClose']).toBe(1);
    expect(c['Docs.Documents.get']).toBe(1);
    expect(c['Docs.Documents.batchUpdate']).toBe(1);
    for (const styling of ['Paragraph.setHeading', 'Text.setBold', 'Text.setLinkUrl', 'Table.setColumnWidth'])
      expect(c[styling]).toBeUndefined();
    expect(c['Body.replaceText']).toBeUndefined();
    // create, getBody, 9 appends, getChild + removeFromParent, getId, getUrl, saveAndClose, get, batchUpdate
    expect(
      counters.sum((k) => /^(DocumentApp|Document|Body|Paragraph|ListItem|Table|Text|Docs)\./.test(k)),
    ).toBe(18);
  });

  test('without the Advanced Docs service the same document is styled through DocumentApp', () => {
    const api = setup();
    const plain = setup({ docsApi: false });
    const viaApi = api.documents.get(api.writer.create(doc).id);
    const viaApp = plain.documents.get(plain.writer.create(doc).id);
    expect(content(viaApp)).toEqual(content(viaApi));
    expect(plain.counters.get('Docs.Documents.batchUpdate')).toBe(0);
    expect(plain.counters.get('Text.setBold')).toBeGreaterThan(0);
    expect(plain.writer.report()).toEqual([]);
  });

  test('when the Docs API refuses, that document is styled through DocumentApp, the API is not asked again, and the batch says so once', () => {
    const { writer, documents, counters, docs, app } = setup();
    const refusing: DocsDocuments = {
      get: (id) => docs!.get(id),
      batchUpdate: () => {
        throw new Error('Google Docs API has not been used in project 123 before or it is disabled.');
      },
    };
    const w = documentWriter({ app, docs: refusing, page: A4 });
    const first = documents.get(w.create(doc).id);
    const second = documents.get(w.create(doc).id);
    expect(content(first)).toEqual(content(documents.get(writer.create(doc).id)));
    expect(content(second)).toEqual(content(first));
    expect(counters.get('Docs.Documents.get')).toBe(2); // the refused document's and the reference one's
    expect(w.report()).toEqual([
      expect.stringContaining('Google Docs API has not been used in project 123 before or it is disabled.'),
    ]);
  });

  test('an empty model still makes a valid document', () => {
    const { writer, documents } = setup();
    const written = writer.create({ name: 'Empty', blocks: [] });
    expect(documents.get(written.id).blocks).toEqual([
      { type: 'paragraph', heading: 'NORMAL', text: '', bold: [], links: [] },
    ]);
  });
});

describe('overwrite', () => {
  test('rewrites the same document with the new content and name', () => {
    const { writer, documents } = setup();
    const first = writer.create(doc);
    const again = writer.overwrite(first.id, {
      name: 'New name',
      blocks: [{ type: 'title', text: 'Fresh' }],
    });
    expect(again).toEqual(first);
    expect(documents.list()).toHaveLength(1);
    expect(documents.text(first.id)).toBe('# Fresh');
    expect(documents.get(first.id)).toMatchObject({
      name: 'New name',
      blocks: [{ type: 'paragraph', heading: 'TITLE', text: 'Fresh' }],
    });
  });

  test('returns null when the document cannot be opened', () => {
    const { writer, documents } = setup();
    const first = writer.create(doc);
    documents.delete(first.id);
    expect(writer.overwrite(first.id, doc)).toBeNull();
    expect(writer.overwrite('nope', doc)).toBeNull();
  });
});

describe('runBatch', () => {
  const job = (i: number, existing: string | null = null): DocJob => ({
    key: `C-${i}`,
    label: `Candidate ${i}`,
    doc: { name: `Doc ${i}`, blocks: [{ type: 'title', text: `Doc ${i}` }] },
    existing,
    shareWith: [],
  });

  test('stops starting documents once the time budget is spent and lists the rest', () => {
    const { writer } = setup();
    let t = 0;
    const progress: string[] = [];
    const outcome = runBatch({
      writer,
      jobs: Array.from({ length: 10 }, (_, i) => job(i)),
      now: () => new Date((t += 60_000)),
      startedAt: 0,
      progress: (i, n) => progress.push(`${i + 1}/${n}`),
    });
    expect(outcome.stoppedForTime).toBe(true);
    expect(outcome.done.map((d) => d.job.key)).toEqual(['C-0', 'C-1', 'C-2', 'C-3']);
    expect(outcome.notStarted.map((j) => j.key)).toEqual(['C-4', 'C-5', 'C-6', 'C-7', 'C-8', 'C-9']);
    expect(progress).toEqual(['1/10']);
  });

  test('progress every few documents; existing documents replaced, missing ones made anew', () => {
    const { writer } = setup();
    const existing = writer.create(job(0).doc);
    const progress: number[] = [];
    const outcome = runBatch({
      writer,
      jobs: [job(0, existing.id), job(1, 'gone'), ...Array.from({ length: 9 }, (_, i) => job(i + 2))],
      now: () => new Date(0),
      startedAt: 0,
      progress: (i) => progress.push(i),
    });
    expect(progress).toEqual([0, PROGRESS_EVERY, 2 * PROGRESS_EVERY]);
    expect(outcome.done.map((d) => d.outcome).slice(0, 3)).toEqual(['replaced', 'new-version', 'created']);
    expect(outcome.done[0].id).toBe(existing.id);
  });

  test('a Docs error stops the batch, keeping what was done', () => {
    const { writer } = setup();
    let calls = 0;
    const failing: DocumentWriter = {
      ...writer,
      create: (d) => {
        if (++calls === 2) throw new Error('Service invoked too many times for one day: docs create.');
        return writer.create(d);
      },
    };
    const outcome = runBatch({
      writer: failing,
      jobs: [job(0), job(1), job(2)],
      now: () => new Date(0),
      startedAt: 0,
      progress: () => {},
    });
    expect(outcome.done).toHaveLength(1);
    expect(outcome.notStarted.map((j) => j.key)).toEqual(['C-1', 'C-2']);
    expect(outcome.failure).toContain('too many times');
  });
});

describe('helpers', () => {
  test('documentIdFromUrl accepts only Google Docs links', () => {
    expect(documentIdFromUrl('https://docs.google.com/document/d/1AbC_def-1234567890/edit')).toBe(
      '1AbC_def-1234567890',
    );
    expect(documentIdFromUrl(' https://docs.google.com/document/d/1AbC_def-1234567890 ')).toBe(
      '1AbC_def-1234567890',
    );
    expect(documentIdFromUrl('https://evil.example/document/d/1AbC_def-1234567890/edit')).toBeNull();
    expect(documentIdFromUrl('my notes')).toBeNull();
    expect(documentIdFromUrl('')).toBeNull();
    expect(documentIdFromUrl(42)).toBeNull();
  });

  test('safeCellValue keeps text that looks like a formula as text', () => {
    expect(safeCellValue('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(safeCellValue('+1')).toBe("'+1");
    expect(safeCellValue('@me')).toBe("'@me");
    expect(safeCellValue('plain')).toBe('plain');
    expect(safeCellValue(4)).toBe(4);
  });
});
