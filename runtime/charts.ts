/**
 * Embedded charts (Spreadsheet service): `Sheet.newChart()` gives an EmbeddedChartBuilder; `build()` makes an
 * EmbeddedChart that is on no sheet yet (`getChartId()` is null) until `Sheet.insertChart`; `getCharts()` lists
 * a sheet's charts; `chart.modify()` gives a builder on a copy whose changes reach the sheet only through
 * `Sheet.updateChart(chart)`; `Sheet.removeChart(chart)` deletes it. References:
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder ("Changes made to the
 * chart are not saved until Sheet.updateChart(chart) is called on the rebuilt chart"),
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart (getChartId: "a stable
 * identifier for the chart that is unique across the spreadsheet containing the chart or null if the chart is
 * not in a spreadsheet"), https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertChart(EmbeddedChart).
 *
 * Modelled: chart type (set by setChartType with a Charts.ChartType name or by asBarChart/asColumnChart/…),
 * ranges (kept as live ranges: a chart shows what its cells show now), options (setOption, and the typed
 * builders' setTitle/setXAxisTitle/setYAxisTitle as the options 'title', 'hAxis.title', 'vAxis.title'),
 * position (anchor row and column, offsets in pixels), number of headers. Inserting the same built chart twice
 * adds two charts (as Sheets does: nothing stops a script stacking copies); updateChart and removeChart of a
 * chart that is not on the sheet fail. What is not modelled is listed in runtime/README.md.
 */
import type { Api } from './api';
import type { Counters } from './counters';
import { instrument } from './counters';

/** What the runtime needs of a range: its sheet's name and its A1 notation (for inspection and the preview). */
export interface ChartRange {
  getA1Notation(): string;
  getSheet(): { getName(): string };
}

export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

/** The state a chart carries: copied between a chart and the builder its modify() returns. */
export interface ChartState {
  chartType: string;
  ranges: ChartRange[];
  options: Record<string, unknown>;
  position: ChartPosition;
  numHeaders: number;
}

const CHART_TYPES = [
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
];

function copyState(s: ChartState): ChartState {
  return {
    chartType: s.chartType,
    ranges: [...s.ranges],
    options: { ...s.options },
    position: { ...s.position },
    numHeaders: s.numHeaders,
  };
}

/** Checked against @types/google-apps-script (api.ts); getOptions/getContainerInfo/getRanges return plain stand-ins. */
export class FakeEmbeddedChart implements Api<
  GoogleAppsScript.Spreadsheet.EmbeddedChart,
  'getNumHeaders' | 'modify'
> {
  constructor(
    readonly _counters: Counters,
    readonly _state: ChartState,
    /** Null until inserted into a sheet; then stable across updates. */
    readonly _id: number | null,
  ) {}

  getChartId(): number | null {
    return this._id;
  }

  getRanges(): ChartRange[] {
    return [...this._state.ranges];
  }

  getNumHeaders(): number {
    return this._state.numHeaders;
  }

  /** ChartOptions: only get(option) is modelled. */
  getOptions(): { get(option: string): unknown } {
    const options = { ...this._state.options };
    return { get: (option: string) => (option in options ? options[option] : null) };
  }

  /** ContainerInfo of where the chart is anchored. */
  getContainerInfo(): {
    getAnchorRow(): number;
    getAnchorColumn(): number;
    getOffsetX(): number;
    getOffsetY(): number;
  } {
    const p = { ...this._state.position };
    return {
      getAnchorRow: () => p.anchorRow,
      getAnchorColumn: () => p.anchorColumn,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }

  modify(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this._counters, copyState(this._state), this._id);
  }

  toString(): string {
    return 'EmbeddedChart';
  }
}

/**
 * Checked against @types/google-apps-script (api.ts) for the methods listed; addRange/removeRange take any object
 * with getA1Notation and getSheet, setChartType a ChartType name, and the as…Chart() methods return this builder
 * (Apps Script returns a typed builder with more methods).
 */
export class FakeEmbeddedChartBuilder implements Api<
  GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
  'build' | 'clearRanges' | 'setOption' | 'setPosition'
> {
  constructor(
    readonly _counters: Counters,
    readonly _state: ChartState,
    readonly _id: number | null,
  ) {}

  addRange(range: ChartRange): FakeEmbeddedChartBuilder {
    if (!range || typeof range.getA1Notation !== 'function') {
      throw new Error(
        'Exception: The parameters (' +
          typeof range +
          ") don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.",
      );
    }
    this._state.ranges.push(range);
    return this;
  }

  removeRange(range: ChartRange): FakeEmbeddedChartBuilder {
    this._state.ranges = this._state.ranges.filter(
      (r) =>
        !(
          r.getA1Notation() === range.getA1Notation() && r.getSheet().getName() === range.getSheet().getName()
        ),
    );
    return this;
  }

  clearRanges(): FakeEmbeddedChartBuilder {
    this._state.ranges = [];
    return this;
  }

  getRanges(): ChartRange[] {
    return [...this._state.ranges];
  }

  setChartType(type: unknown): FakeEmbeddedChartBuilder {
    const name = String(type);
    if (!CHART_TYPES.includes(name)) {
      throw new Error(`Exception: Invalid argument: type (${name} is not a Charts.ChartType).`);
    }
    this._state.chartType = name;
    return this;
  }

  getChartType(): string {
    return this._state.chartType;
  }

  asBarChart(): FakeEmbeddedChartBuilder {
    return this.setChartType('BAR');
  }

  asColumnChart(): FakeEmbeddedChartBuilder {
    return this.setChartType('COLUMN');
  }

  asLineChart(): FakeEmbeddedChartBuilder {
    return this.setChartType('LINE');
  }

  asPieChart(): FakeEmbeddedChartBuilder {
    return this.setChartType('PIE');
  }

  setOption(option: string, value: unknown): FakeEmbeddedChartBuilder {
    this._state.options[String(option)] = value;
    return this;
  }

  /** The typed builders' (EmbeddedBarChartBuilder, …) titles, kept as the options they stand for. */
  setTitle(title: string): FakeEmbeddedChartBuilder {
    return this.setOption('title', title);
  }

  setXAxisTitle(title: string): FakeEmbeddedChartBuilder {
    return this.setOption('hAxis.title', title);
  }

  setYAxisTitle(title: string): FakeEmbeddedChartBuilder {
    return this.setOption('vAxis.title', title);
  }

  setNumHeaders(headers: number): FakeEmbeddedChartBuilder {
    this._state.numHeaders = headers;
    return this;
  }

  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): FakeEmbeddedChartBuilder {
    for (const v of [anchorRowPos, anchorColPos, offsetX, offsetY]) {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new Error(
          'Exception: The parameters (' +
            typeof v +
            ") don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setPosition.",
        );
      }
    }
    this._state.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }

  build(): FakeEmbeddedChart {
    return new FakeEmbeddedChart(this._counters, copyState(this._state), this._id);
  }

  toString(): string {
    return 'EmbeddedChartBuilder';
  }
}

/** A fresh builder: Sheets' defaults (no type chosen is a combo of the ranges; one header row guessed). */
export function newChartBuilder(counters: Counters): FakeEmbeddedChartBuilder {
  return new FakeEmbeddedChartBuilder(
    counters,
    {
      chartType: 'COMBO',
      ranges: [],
      options: {},
      position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
      numHeaders: -1,
    },
    null,
  );
}

/** What the inspector and the preview see of a chart. */
export interface ChartInfo {
  id: number;
  type: string;
  /** Each range with its sheet: "Insights!A5:B8". */
  ranges: string[];
  options: Record<string, unknown>;
  position: ChartPosition;
  numHeaders: number;
}

export function chartInfo(chart: FakeEmbeddedChart): ChartInfo {
  const s = chart._state;
  return {
    id: chart._id ?? 0,
    type: s.chartType,
    ranges: s.ranges.map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`),
    options: { ...s.options },
    position: { ...s.position },
    numHeaders: s.numHeaders,
  };
}

instrument(FakeEmbeddedChart, 'EmbeddedChart');
instrument(FakeEmbeddedChartBuilder, 'EmbeddedChartBuilder');
