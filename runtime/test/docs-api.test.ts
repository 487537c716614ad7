/**
 * The Advanced Docs service fake over DocumentApp's documents: Docs API indexes (a table starting at T has its
 * first cell's text at T + 3), batchUpdate applied all-or-nothing, the API's refusals, and no reading of a
 * document whose DocumentApp edits are not saved yet.
 */
import { createRuntime } from '../index';

function setup() {
  const rt = createRuntime({ codeFiles: [] });
  const app = rt.documents.app;
  const docs = rt.docsApi.service.Documents;
  const doc = app.create('Indexes');
  const body = doc.getBody();
  body.appendParagraph('Title');
  body.appendTable([
    ['ab', 'c\nd'],
    ['', 'e'],
  ]);
  body.appendListItem('item');
  body.getChild(0).removeFromParent();
  const id = doc.getId();
  doc.saveAndClose();
  return { rt, app, docs, id };
}

type Json = Record<string, any>;

describe('Docs.Documents.get', () => {
  test('lays the body out in Docs API indexes', () => {
    const { docs, id } = setup();
    const content = (docs.get(id) as Json).body.content as Json[];
    expect(content[0]).toMatchObject({ endIndex: 1, sectionBreak: {} });
    expect(content[1]).toMatchObject({
      startIndex: 1,
      endIndex: 7,
      paragraph: { elements: [{ startIndex: 1, endIndex: 7, textRun: { content: 'Title\n' } }] },
    });
    const table = content[2];
    expect(table.startIndex).toBe(7);
    const cells = table.table.tableRows.flatMap((r: Json) => r.tableCells);
    // Table start 7, row start 8, cell start 9, text at 10 ("ab\n" is 10–12).
    expect(cells[0].content[0]).toMatchObject({ startIndex: 10, endIndex: 13 });
    // A cell of two lines holds two paragraphs.
    expect(
      cells[1].content.map((p: Json) => [p.startIndex, p.paragraph.elements[0].textRun.content]),
    ).toEqual([
      [14, 'c\n'],
      [16, 'd\n'],
    ]);
    expect(cells[2].content[0]).toMatchObject({ startIndex: 20, endIndex: 21 });
    expect(cells[3].content[0]).toMatchObject({ startIndex: 22, endIndex: 24 });
    expect(table.endIndex).toBe(25);
    expect(content[3]).toMatchObject({ startIndex: 25, endIndex: 30, paragraph: { bullet: {} } });
  });

  test('refuses a document DocumentApp has open with unsaved changes, and one that is gone', () => {
    const { app, docs, id, rt: runtime } = setup();
    const open = app.openById(id);
    open.getBody().appendParagraph('not saved yet');
    expect(() => docs.get(id)).toThrow(/call saveAndClose\(\) first/);
    open.saveAndClose();
    expect(() => docs.get(id)).not.toThrow();
    runtime.documents.delete(id);
    expect(() => docs.get(id)).toThrow('Requested entity was not found.');
  });
});

describe('Docs.Documents.batchUpdate', () => {
  test('styles text, paragraphs, columns, cells and the page', () => {
    const { docs, id, rt: runtime } = setup();
    docs.batchUpdate(
      {
        requests: [
          {
            updateParagraphStyle: {
              range: { startIndex: 1, endIndex: 7 },
              paragraphStyle: { namedStyleType: 'HEADING_1' },
              fields: 'namedStyleType',
            },
          },
          {
            updateTextStyle: {
              range: { startIndex: 16, endIndex: 17 },
              textStyle: { bold: true },
              fields: 'bold',
            },
          },
          {
            updateTextStyle: {
              range: { startIndex: 22, endIndex: 23 },
              textStyle: { link: { url: 'https://example.com' } },
              fields: 'link',
            },
          },
          {
            updateTableColumnProperties: {
              tableStartLocation: { index: 7 },
              columnIndices: [1],
              tableColumnProperties: { widthType: 'FIXED_WIDTH', width: { magnitude: 120, unit: 'PT' } },
              fields: 'widthType,width',
            },
          },
          {
            updateTableCellStyle: {
              tableRange: {
                tableCellLocation: { tableStartLocation: { index: 7 }, rowIndex: 0, columnIndex: 0 },
                rowSpan: 1,
                columnSpan: 2,
              },
              tableCellStyle: {
                backgroundColor: { color: { rgbColor: { red: 0.937, green: 0.937, blue: 0.937 } } },
              },
              fields: 'backgroundColor',
            },
          },
          {
            updateDocumentStyle: {
              documentStyle: {
                pageSize: {
                  width: { magnitude: 595.28, unit: 'PT' },
                  height: { magnitude: 841.89, unit: 'PT' },
                },
                marginLeft: { magnitude: 54, unit: 'PT' },
              },
              fields: 'pageSize,marginLeft',
            },
          },
        ],
      },
      id,
    );
    const model = runtime.documents.get(id);
    expect(model.blocks[0]).toMatchObject({ heading: 'HEADING1', text: 'Title' });
    const table = model.blocks[1];
    if (table.type !== 'table') throw new Error('expected a table');
    expect(table.rows[0][1]).toMatchObject({ text: 'c\nd', bold: [{ start: 2, end: 2 }] });
    expect(table.rows[1][1]).toMatchObject({ links: [{ start: 0, end: 0, url: 'https://example.com' }] });
    expect(table.columnWidths).toEqual([null, 120]);
    expect(table.backgrounds).toEqual([
      ['#efefef', '#efefef'],
      [null, null],
    ]);
    expect(model.page).toMatchObject({ width: 595.28, height: 841.89, marginLeft: 54, marginTop: 72 });
    expect(runtime.counters.get('Docs.Documents.batchUpdate')).toBe(1);
    expect(runtime.documents.calls()).toBeGreaterThanOrEqual(1);
  });

  test('one bad request changes nothing, and the error names it', () => {
    const { docs, id, rt: runtime } = setup();
    const before = runtime.documents.get(id);
    const bold = {
      updateTextStyle: { range: { startIndex: 1, endIndex: 3 }, textStyle: { bold: true }, fields: 'bold' },
    };
    const cases: [object, RegExp][] = [
      [
        {
          updateTableColumnProperties: {
            tableStartLocation: { index: 7 },
            columnIndices: [0],
            tableColumnProperties: { widthType: 'FIXED_WIDTH', width: { magnitude: 4, unit: 'PT' } },
            fields: 'widthType,width',
          },
        },
        /requests\[1\]\.updateTableColumnProperties: A fixed column width must be at least 5 points/,
      ],
      [
        {
          updateTableColumnProperties: {
            tableStartLocation: { index: 8 },
            tableColumnProperties: { widthType: 'EVENLY_DISTRIBUTED' },
            fields: 'widthType',
          },
        },
        /no table starting at index 8/,
      ],
      [
        { updateTextStyle: { range: { startIndex: 28, endIndex: 31 }, textStyle: {}, fields: 'bold' } },
        /end index of the referenced segment, 30/,
      ],
      [
        { updateTextStyle: { range: { startIndex: 2, endIndex: 2 }, textStyle: {}, fields: 'bold' } },
        /empty or out of order/,
      ],
      [{ updateTextStyle: { range: { startIndex: 1, endIndex: 2 }, textStyle: {} } }, /fields/],
      [{ insertText: { location: { index: 1 }, text: 'x' } }, /Unknown or unmodelled request "insertText"/],
    ];
    for (const [bad, message] of cases) {
      expect(() => docs.batchUpdate({ requests: [bold, bad] }, id)).toThrow(message);
      expect(runtime.documents.get(id)).toEqual(before);
    }
    expect(() => docs.batchUpdate({ requests: [] }, id)).toThrow(/at least one request/);
  });
});
