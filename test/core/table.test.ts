import {
  cellName,
  columnLetter,
  mapHeaders,
  quoteSheetName,
  restoredHeaderColumn,
  sameFormula,
} from '../../src/core/table';

const SPECS = [
  { key: 'id', header: 'ID' },
  { key: 'name', header: 'Name' },
  { key: 'email', header: 'Email' },
] as const;

describe('mapHeaders', () => {
  it('finds columns by header wherever they are, ignoring case and spaces', () => {
    const layout = mapHeaders(['Notes', ' name ', 'EMAIL', 'id'], SPECS);
    expect(layout.columns).toEqual({ id: 3, name: 1, email: 2 });
    expect(layout.missing).toEqual([]);
  });

  it('reports missing and duplicated headers', () => {
    const layout = mapHeaders(['ID', 'Name', 'name'], SPECS);
    expect(layout.missing).toEqual(['email']);
    expect(layout.duplicates).toEqual([{ header: 'Name', columns: [1, 2] }]);
  });
});

describe('A1 helpers', () => {
  it('names columns past Z', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(cellName(2, 5)).toBe('C5');
  });

  it('quotes sheet names only when Sheets would', () => {
    expect(quoteSheetName("Ada's sheet")).toBe("'Ada''s sheet'");
    expect(quoteSheetName('Candidates')).toBe('Candidates');
    expect(quoteSheetName('S1 Screening')).toBe("'S1 Screening'");
    expect(quoteSheetName('AB12')).toBe("'AB12'");
  });

  it('compares formulas ignoring case and spacing outside strings', () => {
    expect(sameFormula('=IF(A1 = "x", 1, 2)', '=if(a1="x",1,2)')).toBe(true);
    expect(sameFormula('=IF(A1="x",1,2)', '=IF(A1="X",1,2)')).toBe(false);
  });
});

describe('restoredHeaderColumn', () => {
  const specs = [
    { key: 'id', header: 'ID' },
    { key: 'name', header: 'Name' },
    { key: 'email', header: 'Email' },
    { key: 'role', header: 'Role' },
  ];

  it('puts a cleared header back in the blank cell between its neighbours', () => {
    expect(restoredHeaderColumn(['ID', 'Name', '', 'Role', 'Notes'], specs, 'email')).toBe(2);
    expect(restoredHeaderColumn(['', 'Name', 'Email', 'Role'], specs, 'id')).toBe(0);
    expect(restoredHeaderColumn(['ID', 'Name', 'Email', ''], specs, 'role')).toBe(3);
  });

  it('gives undefined when no blank cell stands where it belongs (the caller adds a column)', () => {
    expect(restoredHeaderColumn(['ID', 'Name', 'Role', ''], specs, 'email')).toBeUndefined();
    expect(restoredHeaderColumn(['ID', 'Name', 'Notes', 'Role'], specs, 'email')).toBeUndefined();
    // Columns the user moved around: Role before Name leaves no place between them.
    expect(restoredHeaderColumn(['ID', 'Role', '', 'Name'], specs, 'email')).toBeUndefined();
  });
});
