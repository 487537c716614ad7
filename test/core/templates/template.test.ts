import { twoStageProcessWithKeyRisk as proc } from '../fixtures/two-stage-process-with-key-risk';
import {
  TEMPLATE_BLOCKS,
  TEMPLATE_BLOCK_HELP,
  TEMPLATE_HEADERS,
  templateSchemas,
  checkTemplates,
  parseTemplateRows,
  selectTemplateRows,
  templateRowsToCells,
  type TemplateRow,
} from '../../../src/core/templates/template';

const P = proc.id;

describe('TEMPLATE_HEADERS and schema', () => {
  it('has the sheet layout', () => {
    expect(TEMPLATE_HEADERS).toEqual(['Process', 'Stage', 'Order', 'Block', 'Text']);
  });

  it('has help for every block', () => {
    for (const block of TEMPLATE_BLOCKS) expect(TEMPLATE_BLOCK_HELP[block]).toBeTruthy();
  });

  it('schema rejects an unknown block and accepts a good row', () => {
    expect(
      templateSchemas().TemplateRowSchema.safeParse({
        process: P,
        stage: '*',
        order: 1,
        block: 'title',
        text: 'x',
      }).success,
    ).toBe(true);
    expect(
      templateSchemas().TemplateRowSchema.safeParse({
        process: P,
        stage: '*',
        order: 1,
        block: 'banner',
        text: 'x',
      }).success,
    ).toBe(false);
  });
});

describe('parseTemplateRows', () => {
  it('parses good rows, trims and lower-cases ids, accepts numeric text for Order, skips blank rows', () => {
    const result = parseTemplateRows(
      [
        [` ${P.toUpperCase()} `, 'Screening', '10', 'Title', 'Hello {{candidate.name}}'],
        ['', '', '', '', ''],
        [P, '*', 20, 'agenda', ''],
      ],
      2,
    );
    expect(result).toEqual({
      ok: true,
      templates: [
        { process: P, stage: 'screening', order: 10, block: 'title', text: 'Hello {{candidate.name}}' },
        { process: P, stage: '*', order: 20, block: 'agenda', text: '' },
      ],
    });
  });

  it('lists every problem with its row and column, and returns no templates', () => {
    const result = parseTemplateRows(
      [
        [P, 'screening', 10, 'title', 'Fine {{candidate.name}}'],
        [P, 'screening', 'ten', 'banner', 'Hi {{candidate.nickname}}'],
        ['', '', 30, 'paragraph', 'Open {{today'],
        [P, 'screening', 40, 'heading', ''],
        [P, 'screening', 50, 'outcome', ''],
      ],
      5,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const summary = result.problems.map((p) => `${p.row}:${p.column}`);
    expect(summary).toEqual([
      '6:Order',
      '6:Block',
      '6:Text',
      '7:Process',
      '7:Stage',
      '7:Text',
      '8:Text',
      '9:Block',
    ]);
    const byRow = (row: number) => result.problems.filter((p) => p.row === row).map((p) => p.message);
    expect(byRow(6).join(' ')).toContain('"ten"');
    expect(byRow(6).join(' ')).toContain('Unknown block "banner"');
    expect(byRow(6).join(' ')).toContain('{{candidate.nickname}}');
    expect(byRow(7).join(' ')).toMatch(/Unclosed "\{\{"/);
    expect(byRow(8).join(' ')).toMatch(/heading block .* needs/);
    expect(byRow(9).join(' ')).toMatch(/only works in the debrief/);
  });

  it('reports an unknown placeholder with its name and row', () => {
    const result = parseTemplateRows([[P, '*', 1, 'paragraph', 'Dear {{candidate.firstName}}']], 12);
    expect(result).toEqual({
      ok: false,
      problems: [{ row: 12, column: 'Text', message: expect.stringContaining('{{candidate.firstName}}') }],
    });
  });

  it('treats missing cells as empty', () => {
    const result = parseTemplateRows([[P]], 2);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.column)).toEqual(['Stage', 'Order', 'Block']);
  });
});

describe('checkTemplates', () => {
  it('also reports unknown process and stage ids, sorted by row', () => {
    const result = checkTemplates(
      [
        [P, 'screening', 10, 'title', 'ok'],
        ['no-such-process', '*', 10, 'title', 'x'],
        [P, 'final-round', 10, 'title', 'x'],
        [P, 'debrief', 10, 'outcome', ''],
        [P, '*', 'x', 'title', 'x'],
      ],
      [proc],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.row}:${p.column}`)).toEqual(['3:Process', '4:Stage', '6:Order']);
    expect(result.problems[0].message).toContain(P);
    expect(result.problems[1].message).toContain('main-interview');
  });

  it('passes good rows through', () => {
    const result = checkTemplates([[P, 'main-interview', 1, 'agenda', '']], [proc], 2);
    expect(result.ok).toBe(true);
  });
});

describe('selectTemplateRows and templateRowsToCells', () => {
  const rows: TemplateRow[] = [
    { process: P, stage: '*', order: 20, block: 'paragraph', text: 'all' },
    { process: P, stage: 'screening', order: 10, block: 'title', text: 'screening title' },
    { process: P, stage: 'main-interview', order: 5, block: 'title', text: 'main title' },
    { process: P, stage: 'debrief', order: 1, block: 'title', text: 'debrief' },
    { process: 'other', stage: '*', order: 1, block: 'title', text: 'other' },
    { process: P, stage: 'screening', order: 20, block: 'paragraph', text: 'second at 20' },
  ];

  it('merges stage rows with * rows, sorted by order and stable for ties', () => {
    expect(selectTemplateRows(rows, P, 'screening').map((r) => r.text)).toEqual([
      'screening title',
      'all',
      'second at 20',
    ]);
    expect(selectTemplateRows(rows, P, 'debrief').map((r) => r.text)).toEqual(['debrief']);
  });

  it('round-trips through sheet cells', () => {
    const parsed = parseTemplateRows(templateRowsToCells(rows), 2);
    expect(parsed).toEqual({ ok: true, templates: rows });
  });
});
