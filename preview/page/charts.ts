/**
 * Draws a sheet's embedded charts as SVG over the grid, where Sheets would float them: a column chart (vertical
 * bars) or a bar chart (horizontal bars, negative values to the left of zero), one colour per series, with the
 * title, the labels, the values and a legend when there is more than one series. All text goes in as text nodes.
 * Each bar carries data-label, data-series and data-value so a test can read what was drawn.
 */
import type { ChartView } from '../protocol';

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6'];

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function shown(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * One bar in its series' colour, with its hover title and its value written beside it; the data-* attributes are
 * what the browser tests read.
 */
function appendBar(
  svg: SVGElement,
  point: { label: string; series: string; index: number; value: number },
  at: {
    box: { x: number; y: number; width: number; height: number };
    valueAt: { x: number; y: number; anchor: 'start' | 'end' | 'middle' };
  },
): void {
  const { label, series, index, value } = point;
  const bar = el('rect', {
    ...at.box,
    fill: COLOURS[index % COLOURS.length],
    'data-label': label,
    'data-series': series,
    'data-value': value,
  });
  bar.append(el('title', {}, `${label} · ${series}: ${shown(value)}`));
  svg.append(bar);
  const { x, y, anchor } = at.valueAt;
  svg.append(el('text', { x, y, 'text-anchor': anchor, 'font-size': 9, fill: '#5f6368' }, shown(value)));
}

export function chartSvg(chart: ChartView): SVGSVGElement {
  const { width, height } = chart;
  const svg = el('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    class: 'sheet-chart',
    role: 'img',
    'data-chart-title': chart.title,
    'aria-label': chart.title,
  }) as SVGSVGElement;
  svg.append(el('rect', { x: 0, y: 0, width, height, fill: '#fff', stroke: '#dadce0' }));
  svg.append(el('text', { x: 12, y: 22, 'font-size': 14, 'font-weight': 600, fill: '#202124' }, chart.title));
  const legend = chart.series.length > 1;
  if (legend) {
    chart.series.forEach((s, i) => {
      const x = 12 + i * 150;
      svg.append(el('rect', { x, y: 32, width: 10, height: 10, fill: COLOURS[i % COLOURS.length] }));
      svg.append(el('text', { x: x + 14, y: 41, 'font-size': 11, fill: '#5f6368' }, shorten(s.name, 22)));
    });
  }
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = legend ? 52 : 36;
  if (chart.labels.length === 0 || values.length === 0) {
    svg.append(
      el(
        'text',
        { x: width / 2, y: height / 2, 'text-anchor': 'middle', 'font-size': 12, fill: '#80868b' },
        'No data yet',
      ),
    );
    return svg;
  }
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const spanOf = max - min || 1;
  const n = chart.labels.length;
  const k = Math.max(1, chart.series.length);
  if (chart.type === 'BAR') {
    const labelWidth = Math.min(220, Math.round(width * 0.42));
    const plotLeft = labelWidth + 8;
    const plotWidth = width - plotLeft - 40;
    const rowHeight = (height - top - 12) / n;
    const barHeight = Math.max(2, (rowHeight * 0.7) / k);
    const zero = plotLeft + ((0 - min) / spanOf) * plotWidth;
    svg.append(el('line', { x1: zero, y1: top, x2: zero, y2: height - 12, stroke: '#9aa0a6' }));
    chart.labels.forEach((label, i) => {
      const y = top + i * rowHeight;
      svg.append(
        el(
          'text',
          { x: labelWidth, y: y + rowHeight / 2 + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#3c4043' },
          shorten(label, 40),
        ),
      );
      chart.series.forEach((s, j) => {
        const v = s.values[i];
        if (v === null || v === undefined) return;
        const x = v >= 0 ? zero : zero - ((0 - v) / spanOf) * plotWidth;
        const w = (Math.abs(v) / spanOf) * plotWidth;
        const by = y + rowHeight * 0.15 + j * barHeight;
        appendBar(
          svg,
          { label, series: s.name, index: j, value: v },
          {
            box: { x, y: by, width: Math.max(w, 1), height: barHeight },
            valueAt: {
              x: v >= 0 ? x + w + 3 : x - 3,
              y: by + barHeight / 2 + 3,
              anchor: v >= 0 ? 'start' : 'end',
            },
          },
        );
      });
    });
    return svg;
  }
  const plotTop = top + 8;
  const plotBottom = height - 40;
  const plotLeft = 36;
  const plotWidth = width - plotLeft - 12;
  const groupWidth = plotWidth / n;
  const barWidth = Math.max(2, (groupWidth * 0.7) / k);
  const y0 = plotTop + ((max - 0) / spanOf) * (plotBottom - plotTop);
  svg.append(el('line', { x1: plotLeft, y1: y0, x2: width - 12, y2: y0, stroke: '#9aa0a6' }));
  svg.append(
    el(
      'text',
      { x: plotLeft - 4, y: plotTop + 4, 'text-anchor': 'end', 'font-size': 9, fill: '#80868b' },
      shown(max),
    ),
  );
  chart.labels.forEach((label, i) => {
    const gx = plotLeft + i * groupWidth;
    svg.append(
      el(
        'text',
        {
          x: gx + groupWidth / 2,
          y: plotBottom + 16,
          'text-anchor': 'middle',
          'font-size': 10,
          fill: '#3c4043',
        },
        shorten(label, 22),
      ),
    );
    chart.series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      const h = (Math.abs(v) / spanOf) * (plotBottom - plotTop);
      const x = gx + groupWidth * 0.15 + j * barWidth;
      const y = v >= 0 ? y0 - h : y0;
      appendBar(
        svg,
        { label, series: s.name, index: j, value: v },
        {
          box: { x, y, width: barWidth, height: Math.max(h, 1) },
          valueAt: { x: x + barWidth / 2, y: v >= 0 ? y - 3 : y + h + 10, anchor: 'middle' },
        },
      );
    });
  });
  return svg;
}

/**
 * Places each chart at its anchor cell: left and top from the column widths and the fixed row height the grid
 * uses, plus the chart's offsets.
 */
export function placeCharts(
  layer: HTMLElement,
  charts: readonly ChartView[],
  geometry: { rowHeadWidth: number; headHeight: number; rowHeight: number; colWidths: readonly number[] },
): void {
  const nodes = charts.map((chart) => {
    let left = geometry.rowHeadWidth;
    for (let c = 1; c < chart.anchorCol; c++) {
      const w = geometry.colWidths[c - 1] ?? 100;
      left += w === 0 ? 4 : w;
    }
    const top = geometry.headHeight + (chart.anchorRow - 1) * geometry.rowHeight;
    const box = document.createElement('div');
    box.className = 'sheet-chart-box';
    box.style.left = `${left + chart.offsetX}px`;
    box.style.top = `${top + chart.offsetY}px`;
    box.dataset.chartId = String(chart.id);
    box.append(chartSvg(chart));
    return box;
  });
  layer.replaceChildren(...nodes);
}
