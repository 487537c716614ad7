/**
 * The Docs adapter on the DocumentApp fake: the model becomes title/heading paragraphs, real tables, list items,
 * bold and links at the right offsets; user text goes in literally; replacing rewrites the same document.
 */
import { PROGRESS_EVERY, runBatch, type DocJob } from '../../src/docs/batch';
import { safeCellValue } from '../../src/docs/links';
import { createDocument, documentIdFromUrl, overwriteDocument } from '../../src/docs/writer';
import type { DocBlock, InterviewDocument } from '../../src/core/templates/document';
import { createRuntime } from '../../runtime';

type App = GoogleAppsScript.Document.DocumentApp;

/** The runtime's DocumentApp fake on its own: no script loaded, so every counted call is the adapter's. */
function setup() {
  const rt = createRuntime({ codeFiles: [] });
  const { counters, documents } = rt;
  return { counters, documents, app: documents.app as unknown as App };
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
  },
  { type: 'table', header: null, rows: [[[{ text: 'Label', bold: true }], [{ text: 'x' }]]] },
];
const doc: InterviewDocument = { name: `Script — ${NASTY}`, blocks };

describe('createDocument', () => {
  test('writes the model as structured Docs content with literal user text', () => {
    const { app, documents } = setup();
    const written = createDocument(app, doc);
    expect(written.url).toBe(`https://docs.google.com/document/d/${written.id}/edit`);
    const model = documents.get(written.id);
    expect(model.name).toBe(doc.name);
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
    const html = documents.html(written.id);
    expect(html).toContain('&lt;b&gt;&amp;amp;&lt;/b&gt;');
    expect(html).not.toContain('<b>');
    expect(html).toContain(
      '<a href="https://example.com/wb" rel="noopener noreferrer" target="_blank">the workbook</a>',
    );
  });

  test('calls are bounded by the structure: one append per block, one formatting call per bold run', () => {
    const { app, counters } = setup();
    createDocument(app, doc);
    const c = counters.toObject();
    expect(c['DocumentApp.create']).toBe(1);
    expect(c['Body.appendParagraph']).toBe(5);
    expect(c['Body.appendListItem']).toBe(2);
    expect(c['Body.appendTable']).toBe(2);
    expect(c['Paragraph.setHeading']).toBe(3);
    expect(c['TableRow.editAsText']).toBe(1); // the bold header row in one go
    expect(c['Text.setLinkUrl']).toBe(1);
    expect(c['Document.saveAndClose']).toBe(1);
    expect(c['Body.replaceText']).toBeUndefined();
  });

  test('an empty model still makes a valid document', () => {
    const { app, documents } = setup();
    const written = createDocument(app, { name: 'Empty', blocks: [] });
    expect(documents.get(written.id).blocks).toEqual([
      { type: 'paragraph', heading: 'NORMAL', text: '', bold: [], links: [] },
    ]);
  });
});

describe('overwriteDocument', () => {
  test('rewrites the same document with the new content and name', () => {
    const { app, documents } = setup();
    const first = createDocument(app, doc);
    const again = overwriteDocument(app, first.id, {
      name: 'New name',
      blocks: [{ type: 'title', text: 'Fresh' }],
    });
    expect(again).toEqual(first);
    expect(documents.list()).toHaveLength(1);
    expect(documents.text(first.id)).toBe('# Fresh');
    expect(documents.get(first.id).name).toBe('New name');
  });

  test('returns null when the document cannot be opened', () => {
    const { app, documents } = setup();
    const first = createDocument(app, doc);
    documents.delete(first.id);
    expect(overwriteDocument(app, first.id, doc)).toBeNull();
    expect(overwriteDocument(app, 'nope', doc)).toBeNull();
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
    const { app } = setup();
    let t = 0;
    const progress: string[] = [];
    const outcome = runBatch({
      app,
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
    const { app } = setup();
    const existing = createDocument(app, job(0).doc);
    const progress: number[] = [];
    const outcome = runBatch({
      app,
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
    const { app } = setup();
    let calls = 0;
    const failing = {
      ...app,
      ParagraphHeading: app.ParagraphHeading,
      create: (name: string) => {
        if (++calls === 2) throw new Error('Service invoked too many times for one day: docs create.');
        return app.create(name);
      },
    } as unknown as App;
    const outcome = runBatch({
      app: failing,
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
