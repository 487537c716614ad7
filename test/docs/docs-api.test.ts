/**
 * Finding the written blocks in the document the Docs API returns: indexes are read from Google's answer, an
 * empty paragraph Docs keeps after a table is passed over, a soft line break reads as a new line, and a document
 * that does not hold what was written is refused (the writer then styles it through DocumentApp).
 */
import { type DocsDocument, locate, styleRequests } from '../../src/docs/docs-api';
import { stylePlan } from '../../src/docs/styling';
import { pageSetup } from '../../src/core/templates/page';
import type { DocBlock } from '../../src/core/templates/document';

const paragraph = (start: number, text: string) => ({
  startIndex: start,
  endIndex: start + text.length + 1,
  paragraph: { elements: [{ startIndex: start, textRun: { content: `${text}\n` } }] },
});

const blocks: DocBlock[] = [
  { type: 'title', text: 'Script' },
  {
    type: 'table',
    header: [[{ text: 'Question', bold: true }]],
    rows: [[[{ text: 'Scenario A', bold: true }, { text: '\nWhat next?' }]]],
  },
  { type: 'paragraph', runs: [{ text: 'Who decides: ', bold: true }, { text: 'the manager' }] },
];

/** What Google could answer: a table whose second cell holds a soft line break, and an empty paragraph after it. */
const document: DocsDocument = {
  body: {
    content: [
      { endIndex: 1, sectionBreak: {} },
      paragraph(1, 'Script'),
      {
        startIndex: 8,
        endIndex: 40,
        table: {
          rows: 2,
          columns: 1,
          tableRows: [
            { tableCells: [{ content: [paragraph(11, 'Question')] }] },
            { tableCells: [{ content: [paragraph(22, 'Scenario A\u000bWhat next?')] }] },
          ],
        },
      },
      paragraph(40, ''),
      paragraph(41, 'Who decides: the manager'),
    ],
  },
};

test('locates every block from the indexes Google gives, and styles them in one batch of requests', () => {
  const requests = styleRequests(stylePlan(blocks, pageSetup('A4')), locate(document, blocks)) as Record<
    string,
    any
  >[];
  const ranges = (kind: string) =>
    requests.filter((r) => r[kind]).map((r) => [r[kind].range?.startIndex, r[kind].range?.endIndex]);
  expect(ranges('updateParagraphStyle')).toEqual([[1, 8]]);
  expect(ranges('updateTextStyle')).toEqual([
    [11, 19], // "Question" in the header
    [22, 32], // "Scenario A"
    [41, 54], // "Who decides: "
  ]);
  expect(requests.find((r) => r.updateTableCellStyle)!.updateTableCellStyle.tableRange).toMatchObject({
    tableCellLocation: { tableStartLocation: { index: 8 }, rowIndex: 0 },
    columnSpan: 1,
  });
  expect(requests[0].updateDocumentStyle.documentStyle.pageSize.width).toEqual({
    magnitude: 595.28,
    unit: 'PT',
  });
});

test('a document that does not hold what was written is refused', () => {
  const edited: DocsDocument = {
    body: { content: [...document.body!.content!.slice(0, 3), paragraph(40, 'Someone typed here')] },
  };
  expect(() => locate(edited, blocks)).toThrow('The paragraph "Who decides: the manager" is not as written.');
  const changedCell = JSON.parse(JSON.stringify(document)) as DocsDocument;
  changedCell.body!.content![2].table!.tableRows![0].tableCells![0].content = [paragraph(11, 'Answer')];
  expect(() => locate(changedCell, blocks)).toThrow('A table cell is not as written.');
});
