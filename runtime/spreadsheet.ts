/**
 * SpreadsheetApp fake: Spreadsheet, Sheet, Range, RangeList, Selection, data validation, conditional format
 * rules, protection and named ranges. Cell contents live in the shared HyperFormula engine (formulas.ts); the
 * fakes keep formats, notes, validations and the rest per sheet.
 */
import type { RawCellContent } from 'hyperformula';
import { GridRange, cellA1, columnToLetters, parseA1, quoteSheetName, rangeA1 } from './a1';
import type { Api } from './api';
import { FakeEmbeddedChart, type FakeEmbeddedChartBuilder, newChartBuilder } from './charts';
import { Counters, instrument } from './counters';
import type { FormulaEngine, CellValue } from './formulas';
import { isDate, Realm } from './realm';
import type { FakeUi } from './ui';
import { dateToSerial, formatDatePattern, serialToDate } from './utilities';

/** Shared state of one fake spreadsheet. */
export interface SpreadsheetHost {
  counters: Counters;
  realm: Realm;
  engine: FormulaEngine;
  ui: FakeUi;
  timeZone: string;
  /** Active user's email ('' when not available). */
  activeUser(): string;
  owner: string;
}

export const DataValidationCriteria = {
  CHECKBOX: 'CHECKBOX',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
} as const;

export const BooleanCriteria = {
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_STARTS_WITH: 'TEXT_STARTS_WITH',
} as const;

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;
export const BorderStyle = {
  SOLID: 'SOLID',
  SOLID_MEDIUM: 'SOLID_MEDIUM',
  SOLID_THICK: 'SOLID_THICK',
  DOTTED: 'DOTTED',
  DASHED: 'DASHED',
  DOUBLE: 'DOUBLE',
} as const;
export const WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' } as const;
export const Dimension = { ROWS: 'ROWS', COLUMNS: 'COLUMNS' } as const;
export const SheetType = { GRID: 'GRID', OBJECT: 'OBJECT' } as const;

/** A cell's formats, note and validation as the fake stores them (absent keys: Sheets' defaults). */
interface CellMeta {
  numberFormat?: string;
  background?: string;
  fontWeight?: 'normal' | 'bold';
  fontColor?: string;
  fontStyle?: 'normal' | 'italic';
  fontSize?: number;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  note?: string;
  validation?: FakeDataValidation;
}

const KEY = 100000;
/** Width in pixels of a column nobody resized (Sheets' default). */
export const DEFAULT_COLUMN_WIDTH = 100;
const DEFAULT_DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';
const NUMBER_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

function err(host: SpreadsheetHost, message: string): Error {
  return host.realm.error(message);
}

/** True for a number format that shows a date or time (Sheets' "yyyy-mm-dd", "M/d/yyyy H:mm:ss", …). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const unquoted = format.replace(/"[^"]*"|\\./g, '');
  return /[yd]/i.test(unquoted) || /h+:m/i.test(unquoted) || /m+:s/i.test(unquoted);
}

/** Converts a Sheets date format to the Java-style pattern formatDatePattern understands. */
function sheetsDateToJava(format: string): string {
  const tokens = format.match(/"[^"]*"|\\.|y+|m+|d+|h+|s+|am\/pm|a\/p|./gi) ?? [];
  const hasAmPm = tokens.some((t) => /^am\/pm$|^a\/p$/i.test(t));
  const out: string[] = [];
  tokens.forEach((t, i) => {
    const lower = t.toLowerCase();
    if (t.startsWith('"')) out.push(`'${t.slice(1, -1)}'`);
    else if (t.startsWith('\\')) out.push(`'${t.slice(1)}'`);
    else if (lower[0] === 'y') out.push(lower.length <= 2 ? 'yy' : 'yyyy');
    else if (lower[0] === 'd') out.push(lower.length >= 4 ? 'EEEE' : lower.length === 3 ? 'EEE' : lower);
    else if (lower[0] === 'h') out.push(hasAmPm ? lower : lower.toUpperCase());
    else if (lower[0] === 's') out.push(lower);
    else if (lower === 'am/pm' || lower === 'a/p') out.push('a');
    else if (lower[0] === 'm') {
      const prev = tokens
        .slice(0, i)
        .reverse()
        .find((x) => /^[a-z]/i.test(x));
      const next = tokens.slice(i + 1).find((x) => /^[a-z]/i.test(x));
      const minute = (prev && /^h/i.test(prev)) || (next && /^s/i.test(next));
      if (minute) out.push(lower.length >= 2 ? 'mm' : 'm');
      else out.push(lower.length >= 4 ? 'MMMM' : lower.length === 3 ? 'MMM' : lower.toUpperCase());
    } else if (/[a-z]/i.test(t)) out.push(`'${t}'`);
    else out.push(t === "'" ? "''" : t);
  });
  return out.join('');
}

function formatNumber(v: number, format: string | undefined, timeZone: string): string {
  if (format && format !== 'General' && format !== '@') {
    if (isDateFormat(format))
      return formatDatePattern(serialToDate(v, timeZone), timeZone, sheetsDateToJava(format));
    const section = format.split(';')[0];
    const percent = section.includes('%');
    const decimals = /\.([0#]+)/.exec(section)?.[1].length ?? 0;
    const grouping = section.includes(',');
    const n = percent ? v * 100 : v;
    let s = n.toLocaleString('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: grouping,
    });
    if (/^[^0#]*[0#]/.test(section)) {
      const prefix = /^([^0#,.]*)/.exec(section)?.[1] ?? '';
      s = prefix.replace(/"/g, '') + s;
    }
    return percent ? `${s}%` : s;
  }
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(10)));
}

export function displayOf(v: CellValue, format: string | undefined, timeZone: string): string {
  if (typeof v === 'number') return format === '@' ? String(v) : formatNumber(v, format, timeZone);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

// ---------------------------------------------------------------------------------------------------------
// Data validation

/** Checked against @types/google-apps-script (api.ts) except: getCriteriaType (DataValidationCriteria enum). */
export class FakeDataValidation implements Api<
  GoogleAppsScript.Spreadsheet.DataValidation,
  'copy' | 'getAllowInvalid' | 'getCriteriaValues' | 'getHelpText'
> {
  constructor(
    readonly _counters: Counters,
    readonly _criteria: string,
    readonly _values: unknown[],
    readonly _helpText: string,
    readonly _allowInvalid: boolean,
  ) {}

  getCriteriaType(): string {
    return this._criteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this._values];
  }

  getHelpText(): string {
    return this._helpText;
  }

  getAllowInvalid(): boolean {
    return this._allowInvalid;
  }

  copy(): FakeDataValidationBuilder {
    const b = new FakeDataValidationBuilder(this._counters);
    b._criteria = this._criteria;
    b._values = [...this._values];
    b._helpText = this._helpText;
    b._allowInvalid = this._allowInvalid;
    return b;
  }
}
instrument(FakeDataValidation, 'DataValidation');

/** Checked against @types/google-apps-script (api.ts) except: getCriteriaType (enum); withCriteria (enum). */
export class FakeDataValidationBuilder implements Api<
  GoogleAppsScript.Spreadsheet.DataValidationBuilder,
  | 'build'
  | 'getAllowInvalid'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireFormulaSatisfied'
  | 'requireNumberBetween'
  | 'requireNumberEqualTo'
  | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThan'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireNumberNotBetween'
  | 'requireTextContains'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'setAllowInvalid'
  | 'setHelpText'
> {
  _criteria = '';
  _values: unknown[] = [];
  _helpText = '';
  _allowInvalid = true;

  constructor(readonly _counters: Counters) {}

  private _set(criteria: string, values: unknown[]): FakeDataValidationBuilder {
    this._criteria = criteria;
    this._values = values;
    return this;
  }

  requireValueInList(values: string[], showDropdown = true): FakeDataValidationBuilder {
    return this._set('VALUE_IN_LIST', [[...values], showDropdown]);
  }

  requireValueInRange(range: FakeRange, showDropdown = true): FakeDataValidationBuilder {
    return this._set('VALUE_IN_RANGE', [range, showDropdown]);
  }

  requireNumberBetween(start: number, end: number): FakeDataValidationBuilder {
    return this._set('NUMBER_BETWEEN', [start, end]);
  }

  requireNumberNotBetween(start: number, end: number): FakeDataValidationBuilder {
    return this._set('NUMBER_NOT_BETWEEN', [start, end]);
  }

  requireNumberEqualTo(n: number): FakeDataValidationBuilder {
    return this._set('NUMBER_EQUAL_TO', [n]);
  }

  requireNumberGreaterThan(n: number): FakeDataValidationBuilder {
    return this._set('NUMBER_GREATER_THAN', [n]);
  }

  requireNumberGreaterThanOrEqualTo(n: number): FakeDataValidationBuilder {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }

  requireNumberLessThan(n: number): FakeDataValidationBuilder {
    return this._set('NUMBER_LESS_THAN', [n]);
  }

  requireNumberLessThanOrEqualTo(n: number): FakeDataValidationBuilder {
    return this._set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): FakeDataValidationBuilder {
    const values =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    return this._set('CHECKBOX', values);
  }

  requireTextContains(text: string): FakeDataValidationBuilder {
    return this._set('TEXT_CONTAINS', [text]);
  }

  requireTextIsEmail(): FakeDataValidationBuilder {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): FakeDataValidationBuilder {
    return this._set('TEXT_IS_VALID_URL', []);
  }

  requireDate(): FakeDataValidationBuilder {
    return this._set('DATE_IS_VALID_DATE', []);
  }

  requireFormulaSatisfied(formula: string): FakeDataValidationBuilder {
    return this._set('CUSTOM_FORMULA', [formula]);
  }

  withCriteria(criteria: string, args: unknown[]): FakeDataValidationBuilder {
    return this._set(String(criteria), [...args]);
  }

  setAllowInvalid(allowInvalidData: boolean): FakeDataValidationBuilder {
    this._allowInvalid = allowInvalidData;
    return this;
  }

  setHelpText(helpText: string): FakeDataValidationBuilder {
    this._helpText = helpText;
    return this;
  }

  getCriteriaType(): string {
    return this._criteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this._values];
  }

  getHelpText(): string {
    return this._helpText;
  }

  getAllowInvalid(): boolean {
    return this._allowInvalid;
  }

  build(): FakeDataValidation {
    if (!this._criteria) throw new Error('Exception: You must specify a validation criteria.');
    return new FakeDataValidation(
      this._counters,
      this._criteria,
      this._values,
      this._helpText,
      this._allowInvalid,
    );
  }
}
instrument(FakeDataValidationBuilder, 'DataValidationBuilder');

/** Whether a value satisfies a validation rule (blank always does), as Sheets' invalid-data warning judges it. */
export function satisfies(rule: FakeDataValidation, value: CellValue, display: string): boolean {
  if (value === '') return true;
  const v = rule._values;
  const num = typeof value === 'number' ? value : undefined;
  switch (rule._criteria) {
    case 'VALUE_IN_LIST':
      return (v[0] as string[]).some((x) => String(x) === display);
    case 'VALUE_IN_RANGE': {
      const range = v[0] as FakeRange;
      return range._displayValues().some((row) => row.some((x) => x === display));
    }
    case 'CHECKBOX':
      if (v.length === 0) return typeof value === 'boolean';
      return v.some((x) => x === value || String(x) === display);
    case 'NUMBER_BETWEEN':
      return num !== undefined && num >= (v[0] as number) && num <= (v[1] as number);
    case 'NUMBER_NOT_BETWEEN':
      return num !== undefined && (num < (v[0] as number) || num > (v[1] as number));
    case 'NUMBER_EQUAL_TO':
      return num === v[0];
    case 'NUMBER_GREATER_THAN':
      return num !== undefined && num > (v[0] as number);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num !== undefined && num >= (v[0] as number);
    case 'NUMBER_LESS_THAN':
      return num !== undefined && num < (v[0] as number);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num !== undefined && num <= (v[0] as number);
    case 'TEXT_CONTAINS':
      return display.includes(String(v[0]));
    case 'TEXT_IS_VALID_EMAIL':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(display);
    case 'TEXT_IS_VALID_URL':
      return /^https?:\/\/\S+$/.test(display);
    case 'DATE_IS_VALID_DATE':
      // A date cell is a serial number (Sheets reads a number as that day too); text, booleans are not dates
      // (DataValidationBuilder.requireDate: "Sets the data validation rule to require a date").
      return num !== undefined;
    default:
      return true;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Conditional formatting

/** Checked against @types/google-apps-script (api.ts) except: getCriteriaType (BooleanCriteria enum). */
export class FakeBooleanCondition implements Api<
  GoogleAppsScript.Spreadsheet.BooleanCondition,
  'getBackground' | 'getBold' | 'getCriteriaValues' | 'getFontColor' | 'getItalic'
> {
  constructor(
    readonly _counters: Counters,
    readonly _type: string,
    readonly _values: unknown[],
    readonly _format: { background?: string; fontColor?: string; bold?: boolean; italic?: boolean },
  ) {}

  getCriteriaType(): string {
    return this._type;
  }

  getCriteriaValues(): unknown[] {
    return [...this._values];
  }

  getBackground(): string | null {
    return this._format.background ?? null;
  }

  getFontColor(): string | null {
    return this._format.fontColor ?? null;
  }

  getBold(): boolean | null {
    return this._format.bold ?? null;
  }

  getItalic(): boolean | null {
    return this._format.italic ?? null;
  }
}
instrument(FakeBooleanCondition, 'BooleanCondition');

export class FakeConditionalFormatRule implements Api<
  GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
  'copy' | 'getBooleanCondition' | 'getGradientCondition' | 'getRanges'
> {
  constructor(
    readonly _counters: Counters,
    readonly _condition: FakeBooleanCondition,
    readonly _ranges: FakeRange[],
  ) {}

  getRanges(): FakeRange[] {
    return [...this._ranges];
  }

  getBooleanCondition(): FakeBooleanCondition {
    return this._condition;
  }

  getGradientCondition(): null {
    return null;
  }

  copy(): FakeConditionalFormatRuleBuilder {
    const b = new FakeConditionalFormatRuleBuilder(this._counters);
    b._type = this._condition._type;
    b._values = [...this._condition._values];
    b._format = { ...this._condition._format };
    b._ranges = [...this._ranges];
    return b;
  }
}
instrument(FakeConditionalFormatRule, 'ConditionalFormatRule');

export class FakeConditionalFormatRuleBuilder implements Api<
  GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
  | 'build'
  | 'getRanges'
  | 'setBackground'
  | 'setBold'
  | 'setFontColor'
  | 'setItalic'
  | 'setRanges'
  | 'whenCellEmpty'
  | 'whenCellNotEmpty'
  | 'whenFormulaSatisfied'
  | 'whenNumberBetween'
  | 'whenNumberEqualTo'
  | 'whenNumberGreaterThan'
  | 'whenNumberGreaterThanOrEqualTo'
  | 'whenNumberLessThan'
  | 'whenNumberLessThanOrEqualTo'
  | 'whenTextContains'
  | 'whenTextEqualTo'
  | 'whenTextStartsWith'
> {
  _type = '';
  _values: unknown[] = [];
  _format: { background?: string; fontColor?: string; bold?: boolean; italic?: boolean } = {};
  _ranges: FakeRange[] = [];

  constructor(readonly _counters: Counters) {}

  private _when(type: string, values: unknown[]): FakeConditionalFormatRuleBuilder {
    this._type = type;
    this._values = values;
    return this;
  }

  whenFormulaSatisfied(formula: string): FakeConditionalFormatRuleBuilder {
    return this._when('CUSTOM_FORMULA', [formula]);
  }

  whenTextEqualTo(text: string): FakeConditionalFormatRuleBuilder {
    return this._when('TEXT_EQUAL_TO', [text]);
  }

  whenTextContains(text: string): FakeConditionalFormatRuleBuilder {
    return this._when('TEXT_CONTAINS', [text]);
  }

  whenTextStartsWith(text: string): FakeConditionalFormatRuleBuilder {
    return this._when('TEXT_STARTS_WITH', [text]);
  }

  whenCellNotEmpty(): FakeConditionalFormatRuleBuilder {
    return this._when('CELL_NOT_EMPTY', []);
  }

  whenCellEmpty(): FakeConditionalFormatRuleBuilder {
    return this._when('CELL_EMPTY', []);
  }

  whenNumberBetween(a: number, b: number): FakeConditionalFormatRuleBuilder {
    return this._when('NUMBER_BETWEEN', [a, b]);
  }

  whenNumberEqualTo(n: number): FakeConditionalFormatRuleBuilder {
    return this._when('NUMBER_EQUAL_TO', [n]);
  }

  whenNumberGreaterThan(n: number): FakeConditionalFormatRuleBuilder {
    return this._when('NUMBER_GREATER_THAN', [n]);
  }

  whenNumberGreaterThanOrEqualTo(n: number): FakeConditionalFormatRuleBuilder {
    return this._when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }

  whenNumberLessThan(n: number): FakeConditionalFormatRuleBuilder {
    return this._when('NUMBER_LESS_THAN', [n]);
  }

  whenNumberLessThanOrEqualTo(n: number): FakeConditionalFormatRuleBuilder {
    return this._when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }

  setBackground(color: string | null): FakeConditionalFormatRuleBuilder {
    this._format.background = color ?? undefined;
    return this;
  }

  setFontColor(color: string | null): FakeConditionalFormatRuleBuilder {
    this._format.fontColor = color ?? undefined;
    return this;
  }

  setBold(bold: boolean | null): FakeConditionalFormatRuleBuilder {
    this._format.bold = bold ?? undefined;
    return this;
  }

  setItalic(italic: boolean | null): FakeConditionalFormatRuleBuilder {
    this._format.italic = italic ?? undefined;
    return this;
  }

  setRanges(ranges: FakeRange[]): FakeConditionalFormatRuleBuilder {
    this._ranges = [...ranges];
    return this;
  }

  getRanges(): FakeRange[] {
    return [...this._ranges];
  }

  build(): FakeConditionalFormatRule {
    if (!this._type) throw new Error('Exception: Conditional format rule must have a condition.');
    return new FakeConditionalFormatRule(
      this._counters,
      new FakeBooleanCondition(this._counters, this._type, this._values, { ...this._format }),
      [...this._ranges],
    );
  }
}
instrument(FakeConditionalFormatRuleBuilder, 'ConditionalFormatRuleBuilder');

// ---------------------------------------------------------------------------------------------------------
// Users, protection, named ranges

export class FakeUser implements Api<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(
    readonly _counters: Counters,
    private readonly _email: string,
  ) {}

  getEmail(): string {
    return this._email;
  }

  toString(): string {
    return this._email;
  }
}

/** Checked against @types/google-apps-script (api.ts) except: getProtectionType (ProtectionType enum). */
export class FakeProtection implements Api<
  GoogleAppsScript.Spreadsheet.Protection,
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getRange'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setRange'
  | 'setUnprotectedRanges'
  | 'setWarningOnly'
> {
  _description = '';
  _warningOnly = false;
  _domainEdit = false;
  readonly _editors: Set<string>;
  _unprotected: FakeRange[] = [];

  constructor(
    readonly _counters: Counters,
    private readonly _ss: FakeSpreadsheet,
    readonly _type: 'RANGE' | 'SHEET',
    private _target: FakeRange | FakeSheet,
  ) {
    this._editors = new Set([_ss._host.owner, _ss._host.activeUser()].filter((e) => e));
  }

  getProtectionType(): string {
    return this._type;
  }

  getRange(): FakeRange {
    return this._target instanceof FakeSheet ? this._target._fullRange() : this._target;
  }

  setRange(range: FakeRange): FakeProtection {
    this._target = range;
    return this;
  }

  getDescription(): string {
    return this._description;
  }

  setDescription(description: string): FakeProtection {
    this._description = description;
    return this;
  }

  isWarningOnly(): boolean {
    return this._warningOnly;
  }

  setWarningOnly(warningOnly: boolean): FakeProtection {
    this._warningOnly = warningOnly;
    return this;
  }

  getEditors(): FakeUser[] {
    return [...this._editors].map((e) => new FakeUser(this._counters, e));
  }

  addEditor(user: string | FakeUser): FakeProtection {
    this._editors.add(typeof user === 'string' ? user : user.getEmail());
    return this;
  }

  addEditors(users: string[]): FakeProtection {
    for (const u of users) this._editors.add(u);
    return this;
  }

  removeEditor(user: string | FakeUser): FakeProtection {
    const email = typeof user === 'string' ? user : user.getEmail();
    if (email !== this._ss._host.owner) this._editors.delete(email);
    return this;
  }

  removeEditors(users: Array<string | FakeUser>): FakeProtection {
    for (const u of users) this.removeEditor(u);
    return this;
  }

  canEdit(): boolean {
    const me = this._ss._host.activeUser();
    return me === this._ss._host.owner || this._editors.has(me);
  }

  canDomainEdit(): boolean {
    return this._domainEdit;
  }

  setDomainEdit(editable: boolean): FakeProtection {
    this._domainEdit = editable;
    return this;
  }

  setUnprotectedRanges(ranges: FakeRange[]): FakeProtection {
    this._unprotected = [...ranges];
    return this;
  }

  getUnprotectedRanges(): FakeRange[] {
    return [...this._unprotected];
  }

  remove(): void {
    const i = this._ss._protections.indexOf(this);
    if (i >= 0) this._ss._protections.splice(i, 1);
  }

  /** The sheet this protection belongs to. */
  _sheet(): FakeSheet {
    return this._target instanceof FakeSheet ? this._target : this._target._sheet;
  }
}
instrument(FakeProtection, 'Protection');

export class FakeNamedRange implements Api<
  GoogleAppsScript.Spreadsheet.NamedRange,
  'getName' | 'getRange' | 'remove' | 'setName' | 'setRange'
> {
  constructor(
    readonly _counters: Counters,
    private readonly _ss: FakeSpreadsheet,
    public _name: string,
    public _range: FakeRange,
  ) {}

  getName(): string {
    return this._name;
  }

  setName(name: string): FakeNamedRange {
    this._name = name;
    return this;
  }

  getRange(): FakeRange {
    return this._range;
  }

  setRange(range: FakeRange): FakeNamedRange {
    this._range = range;
    return this;
  }

  remove(): void {
    this._ss._namedRanges = this._ss._namedRanges.filter((n) => n !== this);
  }
}
instrument(FakeNamedRange, 'NamedRange');

// ---------------------------------------------------------------------------------------------------------
// Range

type Grid<T> = T[][];

/** Checked against @types/google-apps-script (api.ts) except: setWrapStrategy (WrapStrategy enum). */
export class FakeRange implements Api<
  GoogleAppsScript.Spreadsheet.Range,
  | 'activate'
  | 'activateAsCurrentCell'
  | 'breakApart'
  | 'check'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'copyTo'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontColor'
  | 'getFontColors'
  | 'getFontSize'
  | 'getFontStyle'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHeight'
  | 'getHorizontalAlignment'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMergedRanges'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getRowIndex'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getVerticalAlignment'
  | 'getWidth'
  | 'getWrap'
  | 'insertCheckboxes'
  | 'isBlank'
  | 'isChecked'
  | 'isPartOfMerge'
  | 'merge'
  | 'mergeAcross'
  | 'mergeVertically'
  | 'offset'
  | 'protect'
  | 'removeCheckboxes'
  | 'setBackground'
  | 'setBackgroundRGB'
  | 'setBackgrounds'
  | 'setBorder'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontColors'
  | 'setFontFamily'
  | 'setFontSize'
  | 'setFontStyle'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setHorizontalAlignments'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setVerticalAlignment'
  | 'setWrap'
  | 'setWraps'
  | 'uncheck'
> {
  readonly _counters: Counters;

  constructor(
    readonly _sheet: FakeSheet,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
  ) {
    this._counters = _sheet._counters;
  }

  get _host(): SpreadsheetHost {
    return this._sheet._host;
  }

  private _grid<T>(fn: (row: number, col: number) => T): Grid<T> {
    const out: Grid<T> = new Array(this._numRows);
    for (let r = 0; r < this._numRows; r++) {
      const line: T[] = new Array(this._numCols);
      for (let c = 0; c < this._numCols; c++) line[c] = fn(this._row + r, this._col + c);
      out[r] = line;
    }
    return out;
  }

  private _checkShape(data: unknown, what: string): unknown[][] {
    if (!Array.isArray(data) || data.some((r) => !Array.isArray(r))) {
      throw err(
        this._host,
        `Exception: The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.${what}.`,
      );
    }
    if (data.length !== this._numRows) {
      throw err(
        this._host,
        `Exception: The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._numRows}.`,
      );
    }
    for (const row of data as unknown[][]) {
      if (row.length !== this._numCols) {
        throw err(
          this._host,
          `Exception: The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._numCols}.`,
        );
      }
    }
    return data as unknown[][];
  }

  /** Raw computed values (numbers, strings, booleans, "" for blanks, error codes). */
  _rawValues(): CellValue[][] {
    return this._sheet._ss
      ._engine()
      .values(this._sheet._hfId, this._row - 1, this._col - 1, this._numRows, this._numCols);
  }

  _displayValues(): string[][] {
    const raw = this._rawValues();
    const tz = this._host.timeZone;
    return raw.map((line, r) =>
      line.map((v, c) => displayOf(v, this._sheet._meta(this._row + r, this._col + c)?.numberFormat, tz)),
    );
  }

  /** Writes API values (setValue/setValues semantics). */
  _write(values: unknown[][]): void {
    const sheet = this._sheet;
    const tz = this._host.timeZone;
    const contents: RawCellContent[][] = values.map((line, r) =>
      line.map((v, c) => {
        const row = this._row + r;
        const col = this._col + c;
        const format = sheet._meta(row, col)?.numberFormat;
        if (isDate(v)) {
          if (!isDateFormat(format)) sheet._metaFor(row, col).numberFormat = DEFAULT_DATE_TIME_FORMAT;
          return dateToSerial(v, tz);
        }
        return toContent(v, format);
      }),
    );
    sheet._ss._engine().setContents(sheet._hfId, this._row - 1, this._col - 1, contents);
  }

  _forEachCell(fn: (row: number, col: number) => void): void {
    for (let r = 0; r < this._numRows; r++)
      for (let c = 0; c < this._numCols; c++) fn(this._row + r, this._col + c);
  }

  _setMeta<K extends keyof CellMeta>(key: K, value: CellMeta[K] | null): void {
    this._forEachCell((r, c) => {
      if (value === null || value === undefined) {
        const m = this._sheet._meta(r, c);
        if (m) delete m[key];
      } else this._sheet._metaFor(r, c)[key] = value;
    });
  }

  _setMetaGrid<K extends keyof CellMeta>(key: K, values: unknown, what: string): void {
    const grid = this._checkShape(values, what) as Array<Array<CellMeta[K] | null>>;
    grid.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === null || v === undefined || (v as unknown) === '') {
          const m = this._sheet._meta(this._row + r, this._col + c);
          if (m) delete m[key];
        } else this._sheet._metaFor(this._row + r, this._col + c)[key] = v;
      }),
    );
  }

  _getMetaGrid<K extends keyof CellMeta>(key: K, fallback: CellMeta[K] | null): Grid<CellMeta[K] | null> {
    return this._grid((r, c) => this._sheet._meta(r, c)?.[key] ?? fallback);
  }

  // --- geometry
  getRow(): number {
    return this._row;
  }

  getRowIndex(): number {
    return this._row;
  }

  getColumn(): number {
    return this._col;
  }

  getLastRow(): number {
    return this._row + this._numRows - 1;
  }

  getLastColumn(): number {
    return this._col + this._numCols - 1;
  }

  getNumRows(): number {
    return this._numRows;
  }

  getHeight(): number {
    return this._numRows;
  }

  getNumColumns(): number {
    return this._numCols;
  }

  getWidth(): number {
    return this._numCols;
  }

  getA1Notation(): string {
    return rangeA1(this._row, this._col, this._numRows, this._numCols);
  }

  getSheet(): FakeSheet {
    return this._sheet;
  }

  getGridId(): number {
    return this._sheet._id;
  }

  getCell(row: number, column: number): FakeRange {
    if (row < 1 || column < 1 || row > this._numRows || column > this._numCols) {
      throw err(
        this._host,
        'Exception: The coordinates of the range are outside the dimensions of the sheet.',
      );
    }
    return new FakeRange(this._sheet, this._row + row - 1, this._col + column - 1, 1, 1);
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    return this._sheet._range(
      this._row + rowOffset,
      this._col + columnOffset,
      numRows ?? this._numRows,
      numColumns ?? this._numCols,
    );
  }

  activate(): FakeRange {
    this._sheet._ss._select(this._sheet, [this]);
    return this;
  }

  activateAsCurrentCell(): FakeRange {
    return this.activate();
  }

  isBlank(): boolean {
    return this._rawValues().every((line, r) =>
      line.every(
        (v, c) =>
          v === '' &&
          this._sheet._ss._engine().formula(this._sheet._hfId, this._row - 1 + r, this._col - 1 + c) ===
            undefined,
      ),
    );
  }

  // --- values
  getValues(): unknown[][] {
    const tz = this._host.timeZone;
    const raw = this._rawValues();
    const values = raw.map((line, r) =>
      line.map((v, c) => {
        if (
          typeof v === 'number' &&
          isDateFormat(this._sheet._meta(this._row + r, this._col + c)?.numberFormat)
        ) {
          return serialToDate(v, tz);
        }
        return v;
      }),
    );
    return this._host.realm.copy(values);
  }

  getValue(): unknown {
    return this.getCell(1, 1).getValues()[0][0];
  }

  getDisplayValues(): string[][] {
    return this._host.realm.copy(this._displayValues());
  }

  getDisplayValue(): string {
    return this._displayValues()[0][0];
  }

  setValues(values: unknown[][]): FakeRange {
    this._write(this._checkShape(values, 'setValues'));
    return this;
  }

  setValue(value: unknown): FakeRange {
    const grid = this._grid(() => value);
    this._write(grid);
    return this;
  }

  getFormulas(): string[][] {
    const engine = this._sheet._ss._engine();
    return this._host.realm.copy(this._grid((r, c) => engine.formula(this._sheet._hfId, r - 1, c - 1) ?? ''));
  }

  getFormula(): string {
    return this._sheet._ss._engine().formula(this._sheet._hfId, this._row - 1, this._col - 1) ?? '';
  }

  setFormula(formula: string): FakeRange {
    const f = formula.startsWith('=') ? formula : `=${formula}`;
    this._sheet._ss._engine().setContents(
      this._sheet._hfId,
      this._row - 1,
      this._col - 1,
      this._grid(() => f),
    );
    return this;
  }

  setFormulas(formulas: string[][]): FakeRange {
    const grid = this._checkShape(formulas, 'setFormulas') as string[][];
    const contents = grid.map((line) =>
      line.map((f) => (f === '' || f === null ? null : f.startsWith('=') ? f : `=${f}`)),
    );
    this._sheet._ss._engine().setContents(this._sheet._hfId, this._row - 1, this._col - 1, contents);
    return this;
  }

  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): FakeRange {
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    if (!any || o.contentsOnly) this._clearContent();
    this._forEachCell((r, c) => {
      const m = this._sheet._meta(r, c);
      if (!m) return;
      if (!any || o.formatOnly) {
        const { note, validation } = m;
        this._sheet._setMetaAt(r, c, { note, validation });
      }
      if (!any || o.validationsOnly) delete m.validation;
      if (o.commentsOnly) delete m.note;
    });
    return this;
  }

  private _clearContent(): void {
    this._sheet._ss._engine().setContents(
      this._sheet._hfId,
      this._row - 1,
      this._col - 1,
      this._grid(() => null),
    );
  }

  clearContent(): FakeRange {
    this._clearContent();
    return this;
  }

  clearFormat(): FakeRange {
    return this.clear({ formatOnly: true });
  }

  clearDataValidations(): FakeRange {
    this._setMeta('validation', null);
    return this;
  }

  clearNote(): FakeRange {
    this._setMeta('note', null);
    return this;
  }

  // --- formats
  getNumberFormat(): string {
    return this._sheet._meta(this._row, this._col)?.numberFormat ?? '0.###############';
  }

  getNumberFormats(): string[][] {
    return this._host.realm.copy(this._getMetaGrid('numberFormat', '0.###############') as string[][]);
  }

  setNumberFormat(format: string): FakeRange {
    this._setMeta('numberFormat', format);
    return this;
  }

  setNumberFormats(formats: string[][]): FakeRange {
    this._setMetaGrid('numberFormat', formats, 'setNumberFormats');
    return this;
  }

  getBackground(): string {
    return this._sheet._meta(this._row, this._col)?.background ?? '#ffffff';
  }

  getBackgrounds(): string[][] {
    return this._host.realm.copy(this._getMetaGrid('background', '#ffffff') as string[][]);
  }

  setBackground(color: string | null): FakeRange {
    this._setMeta('background', color === null ? null : String(color).toLowerCase());
    return this;
  }

  setBackgrounds(colors: Array<Array<string | null>>): FakeRange {
    this._setMetaGrid(
      'background',
      this._checkShape(colors, 'setBackgrounds').map((l) => l.map((c) => (c ? String(c).toLowerCase() : c))),
      'setBackgrounds',
    );
    return this;
  }

  setBackgroundRGB(red: number, green: number, blue: number): FakeRange {
    const hex = (n: number) => n.toString(16).padStart(2, '0');
    return this.setBackground(`#${hex(red)}${hex(green)}${hex(blue)}`);
  }

  getFontWeight(): 'normal' | 'bold' {
    return this._sheet._meta(this._row, this._col)?.fontWeight ?? 'normal';
  }

  getFontWeights(): Array<Array<'normal' | 'bold'>> {
    return this._host.realm.copy(
      this._getMetaGrid('fontWeight', 'normal') as Array<Array<'normal' | 'bold'>>,
    );
  }

  /** Sheets knows "bold" and "normal" (Range.setFontWeight reference); anything else is refused. */
  _fontWeight(value: unknown): 'normal' | 'bold' | null {
    if (value === null || value === 'normal' || value === 'bold') return value;
    throw err(this._host, 'Exception: Invalid argument: fontWeight');
  }

  setFontWeight(fontWeight: string | null): FakeRange {
    this._setMeta('fontWeight', this._fontWeight(fontWeight));
    return this;
  }

  setFontWeights(fontWeights: Array<Array<string | null>>): FakeRange {
    const checked = this._checkShape(fontWeights, 'setFontWeights').map((row) =>
      row.map((v) => (v === '' || v === undefined ? null : this._fontWeight(v))),
    );
    this._setMetaGrid('fontWeight', checked, 'setFontWeights');
    return this;
  }

  getFontColor(): string {
    return this._sheet._meta(this._row, this._col)?.fontColor ?? '#000000';
  }

  getFontColors(): string[][] {
    return this._host.realm.copy(this._getMetaGrid('fontColor', '#000000') as string[][]);
  }

  setFontColor(color: string | null): FakeRange {
    this._setMeta('fontColor', color);
    return this;
  }

  setFontColors(colors: Array<Array<string | null>>): FakeRange {
    this._setMetaGrid('fontColor', colors, 'setFontColors');
    return this;
  }

  setFontStyle(fontStyle: string | null): FakeRange {
    if (fontStyle !== null && fontStyle !== 'normal' && fontStyle !== 'italic')
      throw err(this._host, 'Exception: Invalid argument: fontStyle');
    this._setMeta('fontStyle', fontStyle);
    return this;
  }

  getFontStyle(): 'normal' | 'italic' {
    return this._sheet._meta(this._row, this._col)?.fontStyle ?? 'normal';
  }

  setFontSize(size: number): FakeRange {
    this._setMeta('fontSize', size);
    return this;
  }

  getFontSize(): number {
    return this._sheet._meta(this._row, this._col)?.fontSize ?? 10;
  }

  setFontFamily(_fontFamily: string | null): FakeRange {
    return this;
  }

  setHorizontalAlignment(alignment: string | null): FakeRange {
    this._setMeta('hAlign', alignment);
    return this;
  }

  setHorizontalAlignments(alignments: Array<Array<string | null>>): FakeRange {
    this._setMetaGrid('hAlign', alignments, 'setHorizontalAlignments');
    return this;
  }

  getHorizontalAlignment(): string {
    return this._sheet._meta(this._row, this._col)?.hAlign ?? 'general';
  }

  setVerticalAlignment(alignment: string | null): FakeRange {
    this._setMeta('vAlign', alignment);
    return this;
  }

  getVerticalAlignment(): string {
    return this._sheet._meta(this._row, this._col)?.vAlign ?? 'bottom';
  }

  setWrap(isWrapEnabled: boolean): FakeRange {
    this._setMeta('wrap', isWrapEnabled);
    return this;
  }

  setWraps(isWrapEnabled: boolean[][]): FakeRange {
    this._setMetaGrid('wrap', isWrapEnabled, 'setWraps');
    return this;
  }

  setWrapStrategy(strategy: string): FakeRange {
    this._setMeta('wrap', strategy === 'WRAP');
    return this;
  }

  getWrap(): boolean {
    return this._sheet._meta(this._row, this._col)?.wrap ?? false;
  }

  setBorder(..._args: unknown[]): FakeRange {
    return this;
  }

  // --- notes
  getNote(): string {
    return this._sheet._meta(this._row, this._col)?.note ?? '';
  }

  getNotes(): string[][] {
    return this._host.realm.copy(this._getMetaGrid('note', '') as string[][]);
  }

  setNote(note: string | null): FakeRange {
    this._setMeta('note', note === null || note === '' ? null : String(note));
    return this;
  }

  setNotes(notes: Array<Array<string | null>>): FakeRange {
    this._setMetaGrid('note', notes, 'setNotes');
    return this;
  }

  // --- data validation
  getDataValidation(): FakeDataValidation | null {
    return this._sheet._meta(this._row, this._col)?.validation ?? null;
  }

  getDataValidations(): Array<Array<FakeDataValidation | null>> {
    return this._host.realm.copy(
      this._getMetaGrid('validation', null) as Array<Array<FakeDataValidation | null>>,
    );
  }

  setDataValidation(rule: FakeDataValidation | null): FakeRange {
    this._setMeta('validation', rule);
    return this;
  }

  setDataValidations(rules: Array<Array<FakeDataValidation | null>>): FakeRange {
    this._setMetaGrid('validation', rules, 'setDataValidations');
    return this;
  }

  // --- checkboxes
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): FakeRange {
    const builder = new FakeDataValidationBuilder(this._counters).requireCheckbox(
      checkedValue,
      uncheckedValue,
    );
    const rule = builder.build();
    const unchecked = checkedValue === undefined ? false : uncheckedValue === undefined ? '' : uncheckedValue;
    const raw = this._rawValues();
    const engine = this._sheet._ss._engine();
    this._setMeta('validation', rule);
    const values: unknown[][] = raw.map((line, r) =>
      line.map((v, c) => {
        const hasFormula =
          engine.formula(this._sheet._hfId, this._row - 1 + r, this._col - 1 + c) !== undefined;
        if (hasFormula) return undefined;
        return v === '' ? unchecked : v;
      }),
    );
    // Only blank cells change; keep others (and formulas) as they are.
    values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v !== undefined && raw[r][c] === '')
          new FakeRange(this._sheet, this._row + r, this._col + c, 1, 1)._write([[v]]);
      }),
    );
    return this;
  }

  removeCheckboxes(): FakeRange {
    const engine = this._sheet._ss._engine();
    this._forEachCell((r, c) => {
      const m = this._sheet._meta(r, c);
      if (m?.validation?._criteria === 'CHECKBOX') {
        delete m.validation;
        const v = engine.value(this._sheet._hfId, r - 1, c - 1);
        if (typeof v === 'boolean' && engine.formula(this._sheet._hfId, r - 1, c - 1) === undefined) {
          engine.setContents(this._sheet._hfId, r - 1, c - 1, [[null]]);
        }
      }
    });
    return this;
  }

  check(): FakeRange {
    this._forEachCell((r, c) => {
      if (this._sheet._meta(r, c)?.validation?._criteria === 'CHECKBOX')
        new FakeRange(this._sheet, r, c, 1, 1)._write([[true]]);
    });
    return this;
  }

  uncheck(): FakeRange {
    this._forEachCell((r, c) => {
      if (this._sheet._meta(r, c)?.validation?._criteria === 'CHECKBOX')
        new FakeRange(this._sheet, r, c, 1, 1)._write([[false]]);
    });
    return this;
  }

  isChecked(): boolean | null {
    const values = this._rawValues().flat();
    if (values.some((v) => typeof v !== 'boolean')) return null;
    if (values.every((v) => v === true)) return true;
    if (values.every((v) => v === false)) return false;
    return null;
  }

  // --- merges
  merge(): FakeRange {
    this._sheet._merge(this);
    return this;
  }

  mergeAcross(): FakeRange {
    for (let r = 0; r < this._numRows; r++)
      this._sheet._merge(new FakeRange(this._sheet, this._row + r, this._col, 1, this._numCols));
    return this;
  }

  mergeVertically(): FakeRange {
    for (let c = 0; c < this._numCols; c++)
      this._sheet._merge(new FakeRange(this._sheet, this._row, this._col + c, this._numRows, 1));
    return this;
  }

  breakApart(): FakeRange {
    this._sheet._merges = this._sheet._merges.filter((m) => !overlaps(m, this));
    return this;
  }

  isPartOfMerge(): boolean {
    return this._sheet._merges.some((m) => overlaps(m, this));
  }

  getMergedRanges(): FakeRange[] {
    return this._sheet._merges
      .filter((m) => overlaps(m, this))
      .map((m) => new FakeRange(this._sheet, m.row, m.col, m.numRows, m.numCols));
  }

  // --- protection
  protect(): FakeProtection {
    const p = new FakeProtection(this._counters, this._sheet._ss, 'RANGE', this);
    this._sheet._ss._protections.push(p);
    return p;
  }

  // --- copy
  copyTo(destination: FakeRange): void {
    const values = this._rawValues();
    const engine = this._sheet._ss._engine();
    const contents: RawCellContent[][] = values.map((line, r) =>
      line.map(
        (v, c) =>
          engine.formula(this._sheet._hfId, this._row - 1 + r, this._col - 1 + c) ?? toContent(v, undefined),
      ),
    );
    const target = destination._sheet._range(
      destination._row,
      destination._col,
      this._numRows,
      this._numCols,
    );
    destination._sheet._ss
      ._engine()
      .setContents(target._sheet._hfId, target._row - 1, target._col - 1, contents);
    this._forEachCell((r, c) => {
      const m = this._sheet._meta(r, c);
      if (m) target._sheet._setMetaAt(target._row + r - this._row, target._col + c - this._col, { ...m });
    });
  }

  toString(): string {
    return 'Range';
  }
}

function overlaps(a: Record<string, any>, b: FakeRange): boolean {
  const ar = a.row ?? a._row;
  const ac = a.col ?? a._col;
  const anr = a.numRows ?? a._numRows;
  const anc = a.numCols ?? a._numCols;
  return ar < b._row + b._numRows && b._row < ar + anr && ac < b._col + b._numCols && b._col < ac + anc;
}

/** Converts a value written through the API (or typed) to HyperFormula content. */
export function toContent(v: unknown, numberFormat: string | undefined): RawCellContent {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : '#NUM!';
  if (typeof v === 'boolean') return v;
  const s = String(v);
  if (numberFormat === '@') return `'${s}`;
  if (s.startsWith('=') && s.length > 1) return s;
  if (s.startsWith("'")) return s;
  if (NUMBER_TEXT.test(s)) return Number(s);
  if (/^(true|false)$/i.test(s)) return s.toLowerCase() === 'true';
  return `'${s}`;
}

// ---------------------------------------------------------------------------------------------------------
// RangeList and Selection

export class FakeRangeList implements Api<
  GoogleAppsScript.Spreadsheet.RangeList,
  | 'activate'
  | 'clearContent'
  | 'getRanges'
  | 'insertCheckboxes'
  | 'setBackground'
  | 'setFontWeight'
  | 'setNumberFormat'
  | 'setValue'
> {
  readonly _counters: Counters;

  constructor(readonly _ranges: FakeRange[]) {
    this._counters = _ranges[0]?._counters ?? new Counters();
  }

  getRanges(): FakeRange[] {
    return [...this._ranges];
  }

  activate(): FakeRangeList {
    if (this._ranges.length > 0) this._ranges[0]._sheet._ss._select(this._ranges[0]._sheet, this._ranges);
    return this;
  }

  setValue(value: unknown): FakeRangeList {
    for (const r of this._ranges)
      r._write(Array.from({ length: r._numRows }, () => new Array(r._numCols).fill(value)));
    return this;
  }

  setBackground(color: string | null): FakeRangeList {
    for (const r of this._ranges) r._setMeta('background', color);
    return this;
  }

  setFontWeight(weight: string | null): FakeRangeList {
    for (const r of this._ranges) r.setFontWeight(weight);
    return this;
  }

  setNumberFormat(format: string): FakeRangeList {
    for (const r of this._ranges) r._setMeta('numberFormat', format);
    return this;
  }

  clearContent(): FakeRangeList {
    for (const r of this._ranges) r.clear({ contentsOnly: true });
    return this;
  }

  insertCheckboxes(): FakeRangeList {
    for (const r of this._ranges) r.insertCheckboxes();
    return this;
  }
}
instrument(FakeRangeList, 'RangeList');

export class FakeSelection implements Api<
  GoogleAppsScript.Spreadsheet.Selection,
  'getActiveRange' | 'getActiveRangeList' | 'getActiveSheet' | 'getCurrentCell'
> {
  constructor(
    readonly _counters: Counters,
    private readonly _ss: FakeSpreadsheet,
  ) {}

  getActiveRange(): FakeRange | null {
    return this._ss._activeRange();
  }

  getActiveRangeList(): FakeRangeList | null {
    const ranges = this._ss._selection.ranges;
    return ranges.length ? new FakeRangeList(ranges) : null;
  }

  getCurrentCell(): FakeRange | null {
    const r = this._ss._activeRange();
    return r ? new FakeRange(r._sheet, r._row, r._col, 1, 1) : null;
  }

  getActiveSheet(): FakeSheet {
    return this._ss._active;
  }
}
instrument(FakeSelection, 'Selection');

// ---------------------------------------------------------------------------------------------------------
// Sheet

/** Checked against @types/google-apps-script (api.ts) except: getType (SheetType enum); getProtections (ProtectionType enum). */
export class FakeSheet implements Api<
  GoogleAppsScript.Spreadsheet.Sheet,
  | 'newChart'
  | 'insertChart'
  | 'updateChart'
  | 'removeChart'
  | 'getCharts'
  | 'activate'
  | 'appendRow'
  | 'autoResizeColumn'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearConditionalFormatRules'
  | 'clearContents'
  | 'clearFormats'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getActiveRange'
  | 'getColumnWidth'
  | 'getConditionalFormatRules'
  | 'getDataRange'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getRange'
  | 'getRangeList'
  | 'getRowHeight'
  | 'getSheetId'
  | 'getSheetName'
  | 'getTabColor'
  | 'hideColumns'
  | 'hideRows'
  | 'hideSheet'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumns'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRows'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isColumnHiddenByUser'
  | 'isRowHiddenByUser'
  | 'isSheetHidden'
  | 'protect'
  | 'setActiveRange'
  | 'setActiveSelection'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setConditionalFormatRules'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setRowHeight'
  | 'setRowHeights'
  | 'setTabColor'
  | 'showColumns'
  | 'showRows'
  | 'showSheet'
  | 'unhideColumn'
> {
  readonly _counters: Counters;
  _maxRows = 1000;
  _maxCols = 26;
  _metaMap = new Map<number, CellMeta>();
  _frozenRows = 0;
  _frozenCols = 0;
  _colWidths = new Map<number, number>();
  _rowHeights = new Map<number, number>();
  _hiddenCols = new Set<number>();
  _hiddenRows = new Set<number>();
  _hidden = false;
  _merges: Array<{ row: number; col: number; numRows: number; numCols: number }> = [];
  _cfRules: FakeConditionalFormatRule[] = [];
  _tabColor: string | null = null;

  constructor(
    readonly _ss: FakeSpreadsheet,
    readonly _id: number,
    public _hfId: number,
    public _name: string,
  ) {
    this._counters = _ss._counters;
  }

  get _host(): SpreadsheetHost {
    return this._ss._host;
  }

  _meta(row: number, col: number): CellMeta | undefined {
    return this._metaMap.get(row * KEY + col);
  }

  _metaFor(row: number, col: number): CellMeta {
    let m = this._metaMap.get(row * KEY + col);
    if (!m) {
      m = {};
      this._metaMap.set(row * KEY + col, m);
    }
    return m;
  }

  _setMetaAt(row: number, col: number, meta: CellMeta): void {
    const clean = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as CellMeta;
    if (Object.keys(clean).length === 0) this._metaMap.delete(row * KEY + col);
    else this._metaMap.set(row * KEY + col, clean);
  }

  _fullRange(): FakeRange {
    return new FakeRange(this, 1, 1, this._maxRows, this._maxCols);
  }

  /** getRange with bounds checks (1-based). */
  _range(row: number, col: number, numRows = 1, numCols = 1): FakeRange {
    for (const [v, what] of [
      [row, 'row'],
      [col, 'column'],
      [numRows, 'number of rows'],
      [numCols, 'number of columns'],
    ] as const) {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw err(
          this._host,
          `Exception: The parameters (${typeof v}) don't match the method signature for SpreadsheetApp.Sheet.getRange (${what}).`,
        );
      }
    }
    if (numRows < 1) throw err(this._host, 'Exception: The number of rows in the range must be at least 1.');
    if (numCols < 1)
      throw err(this._host, 'Exception: The number of columns in the range must be at least 1.');
    if (row < 1 || col < 1 || row + numRows - 1 > this._maxRows || col + numCols - 1 > this._maxCols) {
      throw err(
        this._host,
        'Exception: The coordinates of the range are outside the dimensions of the sheet.',
      );
    }
    return new FakeRange(this, Math.trunc(row), Math.trunc(col), Math.trunc(numRows), Math.trunc(numCols));
  }

  _rangeA1(a1: string): FakeRange {
    const g = parseA1(a1);
    if (!g) throw err(this._host, `Exception: Range not found`);
    return this._fromGrid(g);
  }

  _fromGrid(g: GridRange): FakeRange {
    const numRows = g.numRows ?? this._maxRows - g.row + 1;
    const numCols = g.numCols ?? this._maxCols - g.col + 1;
    return this._range(g.row, g.col, numRows, numCols);
  }

  _merge(range: FakeRange): void {
    this._merges = this._merges.filter((m) => !overlaps(m, range));
    if (range._numRows === 1 && range._numCols === 1) return;
    this._merges.push({ row: range._row, col: range._col, numRows: range._numRows, numCols: range._numCols });
    const engine = this._ss._engine();
    const blank: RawCellContent[][] = [];
    for (let r = 0; r < range._numRows; r++) {
      const line: RawCellContent[] = [];
      for (let c = 0; c < range._numCols; c++) {
        line.push(
          r === 0 && c === 0
            ? (engine.formula(this._hfId, range._row - 1, range._col - 1) ??
                toContent(
                  engine.value(this._hfId, range._row - 1, range._col - 1),
                  this._meta(range._row, range._col)?.numberFormat,
                ))
            : null,
        );
      }
      blank.push(line);
    }
    engine.setContents(this._hfId, range._row - 1, range._col - 1, blank);
  }

  private _shiftMeta(dimension: 'row' | 'col', at: number, delta: number): void {
    const next = new Map<number, CellMeta>();
    for (const [key, meta] of this._metaMap) {
      let row = Math.floor(key / KEY);
      let col = key % KEY;
      const pos = dimension === 'row' ? row : col;
      if (delta < 0 && pos >= at && pos < at - delta) continue;
      if (pos >= at) {
        if (dimension === 'row') row += delta;
        else col += delta;
      }
      next.set(row * KEY + col, meta);
    }
    this._metaMap = next;
    this._merges = this._merges
      .filter((m) => {
        const start = dimension === 'row' ? m.row : m.col;
        return !(delta < 0 && start >= at && start < at - delta);
      })
      .map((m) => {
        if (dimension === 'row' && m.row >= at) return { ...m, row: m.row + delta };
        if (dimension === 'col' && m.col >= at) return { ...m, col: m.col + delta };
        return m;
      });
  }

  private _insertRows(before: number, count: number): void {
    if (count < 1) return;
    if (before < 1 || before > this._maxRows + 1)
      throw err(this._host, 'Exception: Those rows are out of bounds.');
    this._ss._engine().addRows(this._hfId, before - 1, count);
    this._shiftMeta('row', before, count);
    this._maxRows += count;
  }

  private _insertCols(before: number, count: number): void {
    if (count < 1) return;
    if (before < 1 || before > this._maxCols + 1)
      throw err(this._host, 'Exception: Those columns are out of bounds.');
    this._ss._engine().addColumns(this._hfId, before - 1, count);
    this._shiftMeta('col', before, count);
    this._maxCols += count;
  }

  // --- identity
  getName(): string {
    return this._name;
  }

  getSheetName(): string {
    return this._name;
  }

  setName(name: string): FakeSheet {
    const n = String(name);
    if (n === this._name) return this;
    if (this._ss._sheets.some((s) => s !== this && s._name.toLowerCase() === n.toLowerCase())) {
      throw err(
        this._host,
        `Exception: A sheet with the name "${n}" already exists. Please enter another name.`,
      );
    }
    this._ss._engine().renameSheet(this._hfId, n);
    this._name = n;
    return this;
  }

  getSheetId(): number {
    return this._id;
  }

  getIndex(): number {
    return this._ss._sheets.indexOf(this) + 1;
  }

  getParent(): FakeSpreadsheet {
    return this._ss;
  }

  getType(): string {
    return 'GRID';
  }

  activate(): FakeSheet {
    this._ss._setActiveSheet(this);
    return this;
  }

  // --- ranges
  getRange(a: number | string, col?: number, numRows?: number, numCols?: number): FakeRange {
    if (typeof a === 'string') return this._rangeA1(a);
    return this._range(a, col as number, numRows ?? 1, numCols ?? 1);
  }

  getRangeList(a1Notations: string[]): FakeRangeList {
    return new FakeRangeList(a1Notations.map((a) => this._rangeA1(a)));
  }

  getDataRange(): FakeRange {
    const rows = Math.max(1, this._lastRow());
    const cols = Math.max(1, this._lastColumn());
    return new FakeRange(this, 1, 1, rows, cols);
  }

  _lastRow(): number {
    return this._ss._engine().lastRow(this._hfId);
  }

  _lastColumn(): number {
    return this._ss._engine().lastColumn(this._hfId);
  }

  getLastRow(): number {
    return this._lastRow();
  }

  getLastColumn(): number {
    return this._lastColumn();
  }

  getMaxRows(): number {
    return this._maxRows;
  }

  getMaxColumns(): number {
    return this._maxCols;
  }

  getActiveRange(): FakeRange | null {
    const r = this._ss._activeRange();
    return r && r._sheet === this ? r : null;
  }

  setActiveRange(range: FakeRange): FakeRange {
    this._ss._select(this, [range]);
    return range;
  }

  setActiveSelection(range: FakeRange | string): FakeRange {
    const r = typeof range === 'string' ? this._rangeA1(range) : range;
    this._ss._select(this, [r]);
    return r;
  }

  // --- structure
  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this._insertRows(afterPosition + 1, howMany);
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet {
    this._insertRows(beforePosition, howMany);
    return this;
  }

  insertRowAfter(afterPosition: number): FakeSheet {
    this._insertRows(afterPosition + 1, 1);
    return this;
  }

  insertRowBefore(beforePosition: number): FakeSheet {
    this._insertRows(beforePosition, 1);
    return this;
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this._insertRows(rowIndex, numRows);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this._insertCols(afterPosition + 1, howMany);
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): FakeSheet {
    this._insertCols(beforePosition, howMany);
    return this;
  }

  insertColumnAfter(afterPosition: number): FakeSheet {
    this._insertCols(afterPosition + 1, 1);
    return this;
  }

  insertColumnBefore(beforePosition: number): FakeSheet {
    this._insertCols(beforePosition, 1);
    return this;
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    this._insertCols(columnIndex, numColumns);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this._maxRows) {
      throw err(this._host, 'Exception: Those rows are out of bounds.');
    }
    if (
      howMany >= this._maxRows - this._frozenRows &&
      rowPosition <= this._frozenRows + 1 &&
      howMany === this._maxRows
    ) {
      throw err(this._host, "Exception: You can't delete all the rows on the sheet.");
    }
    this._ss._engine().removeRows(this._hfId, rowPosition - 1, howMany);
    this._shiftMeta('row', rowPosition, -howMany);
    this._maxRows -= howMany;
  }

  deleteRow(rowPosition: number): FakeSheet {
    this.deleteRows(rowPosition, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this._maxCols) {
      throw err(this._host, 'Exception: Those columns are out of bounds.');
    }
    if (howMany === this._maxCols)
      throw err(this._host, "Exception: You can't delete all the columns on the sheet.");
    this._ss._engine().removeColumns(this._hfId, columnPosition - 1, howMany);
    this._shiftMeta('col', columnPosition, -howMany);
    this._maxCols -= howMany;
  }

  deleteColumn(columnPosition: number): FakeSheet {
    this.deleteColumns(columnPosition, 1);
    return this;
  }

  appendRow(rowContents: unknown[]): FakeSheet {
    const row = this._lastRow() + 1;
    if (rowContents.length > this._maxCols)
      this._insertCols(this._maxCols + 1, rowContents.length - this._maxCols);
    if (row > this._maxRows) this._insertRows(this._maxRows + 1, 1);
    new FakeRange(this, row, 1, 1, rowContents.length)._write([rowContents]);
    return this;
  }

  clear(): FakeSheet {
    const { width, height } = this._ss._engine().dimensions(this._hfId);
    if (width > 0 && height > 0) new FakeRange(this, 1, 1, height, width).clearContent();
    this._metaMap.clear();
    return this;
  }

  clearContents(): FakeSheet {
    const { width, height } = this._ss._engine().dimensions(this._hfId);
    if (width > 0 && height > 0) new FakeRange(this, 1, 1, height, width).clearContent();
    return this;
  }

  clearFormats(): FakeSheet {
    for (const [k, m] of [...this._metaMap]) {
      const { note, validation } = m;
      if (note === undefined && validation === undefined) this._metaMap.delete(k);
      else this._metaMap.set(k, { note, validation });
    }
    return this;
  }

  // --- view
  setFrozenRows(rows: number): void {
    this._frozenRows = rows;
  }

  getFrozenRows(): number {
    return this._frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this._frozenCols = columns;
  }

  getFrozenColumns(): number {
    return this._frozenCols;
  }

  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this._colWidths.set(columnPosition, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    for (let c = 0; c < numColumns; c++) this._colWidths.set(startColumn + c, width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    return this._colWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  autoResizeColumn(_columnPosition: number): FakeSheet {
    return this;
  }

  autoResizeColumns(_startColumn: number, _numColumns: number): FakeSheet {
    return this;
  }

  setRowHeight(rowPosition: number, height: number): FakeSheet {
    this._rowHeights.set(rowPosition, height);
    return this;
  }

  setRowHeights(startRow: number, numRows: number, height: number): FakeSheet {
    for (let r = 0; r < numRows; r++) this._rowHeights.set(startRow + r, height);
    return this;
  }

  getRowHeight(rowPosition: number): number {
    return this._rowHeights.get(rowPosition) ?? 21;
  }

  hideSheet(): FakeSheet {
    if (this._ss._sheets.filter((s) => !s._hidden && s !== this).length === 0) {
      throw err(this._host, "Exception: You can't hide all the sheets in a document.");
    }
    this._hidden = true;
    return this;
  }

  showSheet(): FakeSheet {
    this._hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this._hidden;
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    for (let c = 0; c < numColumns; c++) this._hiddenCols.add(columnIndex + c);
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    for (let c = 0; c < numColumns; c++) this._hiddenCols.delete(columnIndex + c);
  }

  unhideColumn(column: FakeRange): void {
    for (let c = 0; c < column._numCols; c++) this._hiddenCols.delete(column._col + c);
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    return this._hiddenCols.has(columnPosition);
  }

  hideRows(rowIndex: number, numRows = 1): void {
    for (let r = 0; r < numRows; r++) this._hiddenRows.add(rowIndex + r);
  }

  showRows(rowIndex: number, numRows = 1): void {
    for (let r = 0; r < numRows; r++) this._hiddenRows.delete(rowIndex + r);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    return this._hiddenRows.has(rowPosition);
  }

  setTabColor(color: string | null): FakeSheet {
    this._tabColor = color;
    return this;
  }

  getTabColor(): string | null {
    return this._tabColor;
  }

  // --- rules
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this._cfRules = [...rules];
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return this._host.realm.copy([...this._cfRules]);
  }

  clearConditionalFormatRules(): void {
    this._cfRules = [];
  }

  // --- charts (runtime/charts.ts)
  _charts: FakeEmbeddedChart[] = [];

  newChart(): FakeEmbeddedChartBuilder {
    return newChartBuilder(this._counters);
  }

  /** Adds the chart as a new one, with a new id: inserting the same built chart twice gives two charts. */
  insertChart(chart: FakeEmbeddedChart): void {
    if (!chart || typeof chart.modify !== 'function') {
      throw err(
        this._host,
        'Exception: The parameters (' +
          typeof chart +
          ") don't match the method signature for SpreadsheetApp.Sheet.insertChart.",
      );
    }
    const id = ++this._ss._lastChartId;
    this._charts.push(new FakeEmbeddedChart(this._counters, chart.modify()._state, id));
  }

  getCharts(): FakeEmbeddedChart[] {
    return this._host.realm.copy(
      this._charts.map((c) => new FakeEmbeddedChart(this._counters, c.modify()._state, c._id)),
    );
  }

  _chartIndex(chart: FakeEmbeddedChart, method: string): number {
    const id = chart && typeof chart.getChartId === 'function' ? chart._id : null;
    const index = id === null ? -1 : this._charts.findIndex((c) => c._id === id);
    if (index < 0) throw err(this._host, `Exception: The chart is not on this sheet (Sheet.${method}).`);
    return index;
  }

  updateChart(chart: FakeEmbeddedChart): void {
    const index = this._chartIndex(chart, 'updateChart');
    this._charts[index] = new FakeEmbeddedChart(this._counters, chart.modify()._state, chart._id);
  }

  removeChart(chart: FakeEmbeddedChart): void {
    this._charts.splice(this._chartIndex(chart, 'removeChart'), 1);
  }

  protect(): FakeProtection {
    const existing = this._ss._protections.find((p) => p._type === 'SHEET' && p._sheet() === this);
    if (existing) return existing;
    const p = new FakeProtection(this._counters, this._ss, 'SHEET', this);
    this._ss._protections.push(p);
    return p;
  }

  getProtections(type: string): FakeProtection[] {
    return this._host.realm.copy(
      this._ss._protections.filter((p) => p._type === String(type) && p._sheet() === this),
    );
  }

  toString(): string {
    return 'Sheet';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Spreadsheet

/** Checked against @types/google-apps-script (api.ts) except: insertSheet (overloads (sheetIndex, options, template) beyond the last one); getProtections (ProtectionType enum). */
export class FakeSpreadsheet implements Api<
  GoogleAppsScript.Spreadsheet.Spreadsheet,
  | 'deleteSheet'
  | 'getActiveRange'
  | 'getActiveRangeList'
  | 'getActiveSheet'
  | 'getCurrentCell'
  | 'getEditors'
  | 'getId'
  | 'getName'
  | 'getNamedRanges'
  | 'getNumSheets'
  | 'getOwner'
  | 'getRange'
  | 'getRangeByName'
  | 'getRangeList'
  | 'getSelection'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'moveActiveSheet'
  | 'removeNamedRange'
  | 'rename'
  | 'setActiveRange'
  | 'setActiveRangeList'
  | 'setActiveSheet'
  | 'setNamedRange'
  | 'setSpreadsheetTimeZone'
  | 'toast'
> {
  readonly _counters: Counters;
  _sheets: FakeSheet[] = [];
  _active!: FakeSheet;
  _selection: { ranges: FakeRange[] } = { ranges: [] };
  _namedRanges: FakeNamedRange[] = [];
  _protections: FakeProtection[] = [];
  /** Chart ids are unique across the spreadsheet (EmbeddedChart.getChartId). */
  _lastChartId = 0;
  _name = 'Scorecard test workbook';
  _locale = 'en_US';
  private _nextSheetId = 0;

  constructor(
    readonly _host: SpreadsheetHost,
    readonly _id: string,
  ) {
    this._counters = _host.counters;
    this._addSheet('Sheet1', 0);
    this._active = this._sheets[0];
    this._selection = { ranges: [new FakeRange(this._active, 1, 1, 1, 1)] };
  }

  _engine(): FormulaEngine {
    return this._host.engine;
  }

  _addSheet(name: string, index: number): FakeSheet {
    const id = this._nextSheetId === 0 ? 0 : 100000000 + ((this._nextSheetId * 7919) % 900000000);
    this._nextSheetId++;
    const hfId = this._engine().addSheet(name);
    const sheet = new FakeSheet(this, id, hfId, name);
    this._sheets.splice(index, 0, sheet);
    return sheet;
  }

  _setActiveSheet(sheet: FakeSheet): void {
    this._active = sheet;
    this._selection = { ranges: [new FakeRange(sheet, 1, 1, 1, 1)] };
  }

  _select(sheet: FakeSheet, ranges: FakeRange[]): void {
    this._active = sheet;
    this._selection = { ranges: [...ranges] };
  }

  _activeRange(): FakeRange | null {
    const r = this._selection.ranges;
    return r.length ? r[r.length - 1] : null;
  }

  _sheetByName(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this._sheets.find((s) => s._name.toLowerCase() === lower);
  }

  /** Resolves "Sheet!A1" or "A1" (active sheet) to a range. */
  _rangeA1(a1: string): FakeRange {
    const g = parseA1(a1);
    if (!g) throw err(this._host, 'Exception: Range not found');
    const sheet = g.sheetName !== undefined ? this._sheetByName(g.sheetName) : this._active;
    if (!sheet) throw err(this._host, 'Exception: Range not found');
    return sheet._fromGrid(g);
  }

  getId(): string {
    return this._id;
  }

  getName(): string {
    return this._name;
  }

  rename(newName: string): void {
    this._name = newName;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }

  getOwner(): FakeUser {
    return new FakeUser(this._counters, this._host.owner);
  }

  getEditors(): FakeUser[] {
    return [new FakeUser(this._counters, this._host.owner)];
  }

  getSpreadsheetTimeZone(): string {
    return this._host.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this._host.timeZone = timezone;
  }

  getSpreadsheetLocale(): string {
    return this._locale;
  }

  /** Sheets' File ▸ Settings ▸ Locale, e.g. "en_US" (the fake's default) or "de_DE". */
  setSpreadsheetLocale(locale: string): void {
    this._locale = String(locale);
  }

  getSheets(): FakeSheet[] {
    return this._host.realm.copy([...this._sheets]);
  }

  getNumSheets(): number {
    return this._sheets.length;
  }

  getSheetByName(name: string): FakeSheet | null {
    return this._sheetByName(String(name)) ?? null;
  }

  getSheetById(id: number): FakeSheet | null {
    return this._sheets.find((s) => s._id === id) ?? null;
  }

  insertSheet(a?: string | number, b?: number): FakeSheet {
    let name: string | undefined;
    let index = this._sheets.length;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    if (name === undefined) {
      let n = this._sheets.length + 1;
      while (this._sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (this._sheetByName(name)) {
      throw err(
        this._host,
        `Exception: A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    if (index < 0 || index > this._sheets.length)
      throw err(this._host, 'Exception: The sheet index is out of range.');
    const sheet = this._addSheet(name, index);
    this._setActiveSheet(sheet);
    return sheet;
  }

  deleteSheet(sheet: FakeSheet): void {
    if (this._sheets.length === 1) {
      throw err(this._host, "Exception: You can't remove all the sheets in a document.");
    }
    const i = this._sheets.indexOf(sheet);
    if (i < 0) throw err(this._host, 'Exception: The sheet does not exist.');
    this._sheets.splice(i, 1);
    this._engine().removeSheet(sheet._hfId);
    this._protections = this._protections.filter((p) => p._sheet() !== sheet);
    this._namedRanges = this._namedRanges.filter((n) => n._range._sheet !== sheet);
    if (this._active === sheet) this._setActiveSheet(this._sheets[Math.max(0, i - 1)]);
  }

  getActiveSheet(): FakeSheet {
    return this._active;
  }

  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this._setActiveSheet(sheet);
    return sheet;
  }

  moveActiveSheet(pos: number): void {
    const i = this._sheets.indexOf(this._active);
    this._sheets.splice(i, 1);
    this._sheets.splice(Math.max(0, Math.min(this._sheets.length, pos - 1)), 0, this._active);
  }

  getActiveRange(): FakeRange | null {
    return this._activeRange();
  }

  setActiveRange(range: FakeRange): FakeRange {
    this._select(range._sheet, [range]);
    return range;
  }

  getActiveRangeList(): FakeRangeList | null {
    return this._selection.ranges.length ? new FakeRangeList(this._selection.ranges) : null;
  }

  setActiveRangeList(rangeList: FakeRangeList): FakeRangeList {
    if (rangeList._ranges.length) this._select(rangeList._ranges[0]._sheet, rangeList._ranges);
    return rangeList;
  }

  getCurrentCell(): FakeRange | null {
    const r = this._activeRange();
    return r ? new FakeRange(r._sheet, r._row, r._col, 1, 1) : null;
  }

  getSelection(): FakeSelection {
    return new FakeSelection(this._counters, this);
  }

  getRange(a1Notation: string): FakeRange {
    return this._rangeA1(a1Notation);
  }

  getRangeList(a1Notations: string[]): FakeRangeList {
    return new FakeRangeList(a1Notations.map((a) => this._rangeA1(a)));
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this._host.ui._toast(msg, title, timeoutSeconds ?? undefined);
  }

  setNamedRange(name: string, range: FakeRange): void {
    if (
      !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^(true|false)$/i.test(name)
    ) {
      throw err(
        this._host,
        `Exception: Named range names can only contain letters, numbers and underscores, and must not look like a cell reference: ${name}`,
      );
    }
    const existing = this._namedRanges.find((n) => n._name === name);
    if (existing) existing._range = range;
    else this._namedRanges.push(new FakeNamedRange(this._counters, this, name, range));
  }

  getNamedRanges(): FakeNamedRange[] {
    return this._host.realm.copy([...this._namedRanges]);
  }

  getRangeByName(name: string): FakeRange | null {
    return this._namedRanges.find((n) => n._name === name)?._range ?? null;
  }

  removeNamedRange(name: string): void {
    const before = this._namedRanges.length;
    this._namedRanges = this._namedRanges.filter((n) => n._name !== name);
    if (this._namedRanges.length === before)
      throw err(this._host, `Exception: Named range ${name} does not exist.`);
  }

  getProtections(type: string): FakeProtection[] {
    return this._host.realm.copy(this._protections.filter((p) => p._type === String(type)));
  }

  toString(): string {
    return 'Spreadsheet';
  }
}

// ---------------------------------------------------------------------------------------------------------
// SpreadsheetApp

/** Checked against @types/google-apps-script (api.ts) except: getActiveRange (null when nothing is selected, as the reference says (the typings say Range)); getActiveRangeList (null when nothing is selected); getCurrentCell (null when nothing is selected). */
export class FakeSpreadsheetApp implements Api<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  | 'flush'
  | 'getActive'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getSelection'
  | 'getUi'
  | 'newConditionalFormatRule'
  | 'newDataValidation'
  | 'openById'
  | 'setActiveRange'
  | 'setActiveSheet'
> {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly ProtectionType = ProtectionType;
  readonly BorderStyle = BorderStyle;
  readonly WrapStrategy = WrapStrategy;
  readonly Dimension = Dimension;
  readonly SheetType = SheetType;
  readonly _counters: Counters;

  constructor(
    readonly _host: SpreadsheetHost,
    private readonly _ss: FakeSpreadsheet,
  ) {
    this._counters = _host.counters;
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    return this._ss;
  }

  getActive(): FakeSpreadsheet {
    return this._ss;
  }

  openById(id: string): FakeSpreadsheet {
    if (id !== this._ss._id)
      throw err(this._host, 'Exception: You do not have permission to access the requested document.');
    return this._ss;
  }

  getActiveSheet(): FakeSheet {
    return this._ss._active;
  }

  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this._ss._setActiveSheet(sheet);
    return sheet;
  }

  getActiveRange(): FakeRange | null {
    return this._ss._activeRange();
  }

  setActiveRange(range: FakeRange): FakeRange {
    this._ss._select(range._sheet, [range]);
    return range;
  }

  getActiveRangeList(): FakeRangeList | null {
    return this._ss._selection.ranges.length ? new FakeRangeList(this._ss._selection.ranges) : null;
  }

  getCurrentCell(): FakeRange | null {
    const r = this._ss._activeRange();
    return r ? new FakeRange(r._sheet, r._row, r._col, 1, 1) : null;
  }

  getSelection(): FakeSelection {
    return new FakeSelection(this._counters, this._ss);
  }

  getUi(): FakeUi {
    return this._host.ui;
  }

  flush(): void {
    /* writes are applied at once */
  }

  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this._counters);
  }

  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this._counters);
  }
}

instrument(FakeRange, 'Range');
instrument(FakeSheet, 'Sheet');
instrument(FakeSpreadsheet, 'Spreadsheet');
instrument(FakeSpreadsheetApp, 'SpreadsheetApp');
instrument(FakeUser, 'User');

export { cellA1, columnToLetters, quoteSheetName };
