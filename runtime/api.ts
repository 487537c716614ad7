/**
 * Checks the fakes against @types/google-apps-script: a fake class `implements Api<Real, 'm1' | 'm2' | …>`
 * listing the methods it implements, so each of them must take at least the real parameters and return what
 * the real method returns — with the Apps Script classes the runtime fakes read as their fakes (a real method
 * returning Range must return a FakeRange; one taking a Range must take a FakeRange). A signature that differs
 * from the real API then does not compile (`npm run typecheck`).
 *
 * Overloaded methods are checked against their last overload (TypeScript infers only that one). Enums stay
 * unchecked where the fake uses strings (Ui buttons, data-validation criteria, …): those methods are left out of
 * the lists, and the README says so.
 */
import type { FakeDocument, FakeBody, FakeParagraph, FakeListItem, FakeHorizontalRule } from './documents';
import type { FakeTable, FakeTableRow, FakeTableCell, FakeText, FakeDocumentApp } from './documents';
import type { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './charts';
import type { FakeHtmlOutput, FakeHtmlTemplate } from './html';
import type { FakeLock } from './lock';
import type { FakeProperties } from './properties';
import type {
  FakeBooleanCondition,
  FakeConditionalFormatRule,
  FakeConditionalFormatRuleBuilder,
  FakeDataValidation,
  FakeDataValidationBuilder,
  FakeNamedRange,
  FakeProtection,
  FakeRange,
  FakeRangeList,
  FakeSelection,
  FakeSheet,
  FakeSpreadsheet,
  FakeUser,
} from './spreadsheet';
import type { FakeMenu, FakePromptResponse, FakeUi } from './ui';
import type { FakeClockTriggerBuilder, FakeTrigger, FakeTriggerBuilder } from './script-app';

/** X and T are the same type (each assignable to the other). */
type Same<T, X> = [T] extends [X] ? ([X] extends [T] ? true : false) : false;

/** The fake for a real Apps Script type; anything else as it is. */
export type Faked<T> = 0 extends 1 & T
  ? T
  : T extends readonly (infer U)[]
    ? Faked<U>[]
    : Same<T, GoogleAppsScript.Spreadsheet.Range> extends true
      ? FakeRange
      : Same<T, GoogleAppsScript.Spreadsheet.Sheet> extends true
        ? FakeSheet
        : Same<T, GoogleAppsScript.Spreadsheet.Spreadsheet> extends true
          ? FakeSpreadsheet
          : Same<T, GoogleAppsScript.Spreadsheet.RangeList> extends true
            ? FakeRangeList
            : Same<T, GoogleAppsScript.Spreadsheet.Selection> extends true
              ? FakeSelection
              : Same<T, GoogleAppsScript.Spreadsheet.DataValidation> extends true
                ? FakeDataValidation
                : Same<T, GoogleAppsScript.Spreadsheet.DataValidationBuilder> extends true
                  ? FakeDataValidationBuilder
                  : Same<T, GoogleAppsScript.Spreadsheet.ConditionalFormatRule> extends true
                    ? FakeConditionalFormatRule
                    : Same<T, GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder> extends true
                      ? FakeConditionalFormatRuleBuilder
                      : Same<T, GoogleAppsScript.Spreadsheet.BooleanCondition> extends true
                        ? FakeBooleanCondition
                        : Same<T, GoogleAppsScript.Spreadsheet.Protection> extends true
                          ? FakeProtection
                          : Same<T, GoogleAppsScript.Spreadsheet.NamedRange> extends true
                            ? FakeNamedRange
                            : FakedMore<T>;

type FakedMore<T> =
  Same<T, GoogleAppsScript.Base.User> extends true
    ? FakeUser
    : Same<T, GoogleAppsScript.Base.Ui> extends true
      ? FakeUi
      : Same<T, GoogleAppsScript.Base.Menu> extends true
        ? FakeMenu
        : Same<T, GoogleAppsScript.Base.PromptResponse> extends true
          ? FakePromptResponse
          : Same<T, GoogleAppsScript.HTML.HtmlOutput> extends true
            ? FakeHtmlOutput
            : Same<T, GoogleAppsScript.HTML.HtmlTemplate> extends true
              ? FakeHtmlTemplate
              : Same<T, GoogleAppsScript.Lock.Lock> extends true
                ? FakeLock
                : Same<T, GoogleAppsScript.Properties.Properties> extends true
                  ? FakeProperties
                  : FakedScript<T>;

type FakedScript<T> =
  Same<T, GoogleAppsScript.Script.Trigger> extends true
    ? FakeTrigger
    : Same<T, GoogleAppsScript.Script.TriggerBuilder> extends true
      ? FakeTriggerBuilder
      : Same<T, GoogleAppsScript.Script.ClockTriggerBuilder> extends true
        ? FakeClockTriggerBuilder
        : FakedDocs<T>;

type FakedDocs<T> =
  Same<T, GoogleAppsScript.Document.Document> extends true
    ? FakeDocument
    : Same<T, GoogleAppsScript.Document.DocumentApp> extends true
      ? FakeDocumentApp
      : Same<T, GoogleAppsScript.Document.Body> extends true
        ? FakeBody
        : Same<T, GoogleAppsScript.Document.Paragraph> extends true
          ? FakeParagraph
          : Same<T, GoogleAppsScript.Document.ListItem> extends true
            ? FakeListItem
            : Same<T, GoogleAppsScript.Document.HorizontalRule> extends true
              ? FakeHorizontalRule
              : Same<T, GoogleAppsScript.Document.Table> extends true
                ? FakeTable
                : Same<T, GoogleAppsScript.Document.TableRow> extends true
                  ? FakeTableRow
                  : Same<T, GoogleAppsScript.Document.TableCell> extends true
                    ? FakeTableCell
                    : Same<T, GoogleAppsScript.Document.Text> extends true
                      ? FakeText
                      : Same<T, GoogleAppsScript.Document.Element> extends true
                        ? FakeParagraph | FakeListItem | FakeHorizontalRule | FakeTable
                        : FakedCharts<T>;

type FakedCharts<T> =
  Same<T, GoogleAppsScript.Spreadsheet.EmbeddedChart> extends true
    ? FakeEmbeddedChart
    : Same<T, GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder> extends true
      ? FakeEmbeddedChartBuilder
      : T;

type FakedArgs<A extends readonly unknown[]> = { [I in keyof A]: Faked<A[I]> };

/**
 * The listed methods of a real Apps Script interface, as the fake must have them. Declared as properties, so
 * parameters are checked strictly: the fake must accept everything the real method accepts.
 */
export type Api<Real, K extends keyof Real> = {
  [P in K]: Real[P] extends (...args: infer A) => infer R ? (...args: FakedArgs<A>) => Faked<R> : Real[P];
};

// The check bites: a getValues that returned a string, or a setNote that refused null, would not compile.
type RangeApi = Api<GoogleAppsScript.Spreadsheet.Range, 'getValues' | 'setNote'>;
type Bites<Fake, Real> = Fake extends Real ? 'kind' : 'strict';
export const _apiChecksReturns: Bites<() => string, RangeApi['getValues']> = 'strict';
export const _apiChecksParameters: Bites<(note: string) => FakeRange, RangeApi['setNote']> = 'strict';
