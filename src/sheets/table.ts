/**
 * Reading a header-mapped table in one batched call. The header row is the first of the top rows that holds
 * all the identifying headers, so rows a user inserted above the table do not break anything.
 */
import { type ColumnSpec, type TableLayout, cellName, mapHeaders, normaliseHeader } from '../core/table';
import { UserError } from '../core/errors';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SheetTable<K extends string> {
  readonly sheet: Sheet;
  /** 1-based row of the header. */
  readonly headerRow: number;
  readonly header: readonly unknown[];
  readonly layout: TableLayout<K>;
  /** Rows below the header, as getValues gives them. */
  readonly rows: readonly (readonly unknown[])[];
  /** Every value of the sheet's data range, header and rows above it included. */
  readonly values: readonly (readonly unknown[])[];
}

const HEADER_SEARCH_ROWS = 10;

/** One read: the whole data range. */
export function readSheetValues(sheet: Sheet): unknown[][] {
  return sheet.getDataRange().getValues();
}

export function findHeaderRow(
  values: readonly (readonly unknown[])[],
  identifying: readonly string[],
): number | undefined {
  const wanted = identifying.map(normaliseHeader);
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, values.length); r++) {
    const headers = new Set(values[r].map(normaliseHeader));
    if (wanted.every((h) => headers.has(h))) return r + 1;
  }
  return undefined;
}

export function tableFromValues<K extends string>(
  sheet: Sheet,
  values: readonly (readonly unknown[])[],
  specs: readonly ColumnSpec<K>[],
  identifying: readonly string[],
): SheetTable<K> | undefined {
  const headerRow = findHeaderRow(values, identifying);
  if (headerRow === undefined) return undefined;
  const header = values[headerRow - 1];
  return {
    sheet,
    headerRow,
    header,
    layout: mapHeaders(header, specs),
    rows: values.slice(headerRow),
    values,
  };
}

/** Problems that stop an action before it writes anything: duplicated headers. */
export function duplicateHeaderProblems(sheetName: string, table: SheetTable<string>): string[] {
  return table.layout.duplicates.map(
    (d) =>
      `Sheet "${sheetName}": the header "${d.header}" appears in ${d.columns
        .map((c) => cellName(c, table.headerRow))
        .join(' and ')}. Rename or remove one of them so Scorecard knows which column to use.`,
  );
}

export function requireColumns<K extends string>(
  sheetName: string,
  table: SheetTable<K>,
  specs: readonly ColumnSpec<K>[],
): void {
  if (table.layout.missing.length === 0 && table.layout.duplicates.length === 0) return;
  const problems = [
    ...duplicateHeaderProblems(sheetName, table),
    ...table.layout.missing.map((key) => {
      const spec = specs.find((s) => s.key === key);
      return `Sheet "${sheetName}": the column "${spec?.header}" is missing from the header row (row ${table.headerRow}).`;
    }),
  ];
  throw new UserError(
    'needs-repair',
    'Scorecard cannot read this workbook as it is. Run Set up workbook to repair it.',
    problems,
  );
}

/** Merged cells in a header row hide all but one header; Scorecard asks for them to be unmerged. */
export function mergedHeaderProblems(sheet: Sheet, headerRow: number): string[] {
  const merged = sheet.getRange(headerRow, 1, 1, sheet.getMaxColumns()).getMergedRanges();
  return merged.map(
    (range) =>
      `Sheet "${sheet.getName()}": cells ${range.getA1Notation()} are merged in the header row. Unmerge them (Format ▸ Merge cells ▸ Unmerge) so each column keeps its own header.`,
  );
}
