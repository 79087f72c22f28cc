// Thin ECharts wrapper for line charts: init / update / append / setTheme / dispose only.
// The server owns the data; this module only turns it into ECharts options.
// `echarts` is the global that chartHost.js loads with the first chart.

import { host, entryOf } from './chartHost.js';
import { axisNumber } from './numbers.js';

function toSeries(series, logY, markX) {
  return series.map((s, i) => ({
    id: s.id,
    name: s.name,
    type: 'line',
    showSymbol: false,
    smooth: false,
    step: s.step ? 'end' : false,
    // (LTTB thinning would turn a step line into a mix of steps and ramps)
    sampling: s.step ? undefined : 'lttb',
    lineStyle: { width: s.width ?? 1.6, type: s.dashed ? 'dashed' : 'solid', opacity: s.faded ? 0.25 : 1 },
    itemStyle: s.color ? { color: s.color } : undefined,
    // Hovering a curve (not just its hidden symbols) highlights it and fades the others.
    triggerEvent: 'line',
    emphasis: { focus: 'series', lineStyle: { width: 3 } },
    blur: { lineStyle: { opacity: 0.15 } },
    // A shaded x range (the LR range test's suggestion) rides on the first series.
    markArea: i === 0 && markX ? { silent: true, itemStyle: { color: 'rgba(76, 175, 80, 0.18)' }, data: [[{ xAxis: markX[0] }, { xAxis: markX[1] }]] } : undefined,
    data: logY ? s.points.map(p => [p[0], p[1] > 0 ? p[1] : null]) : s.points,
  }));
}

// One legend entry per trial: its dashed training curve shares the colour (the caption says so).
function legendNames(spec) {
  return [...new Set(spec.series.filter(s => !s.dashed && s.name).map(s => s.name))];
}

function buildOption(spec) {
  const names = legendNames(spec);
  const legend = spec.legend !== false && names.length > 1;
  // Room for the legend's rows (about six entries a row) under the axis name.
  const legendRows = legend ? Math.ceil(names.length / 6) : 0;
  return {
    animation: false,
    grid: { left: 16, right: 20, top: spec.title ? 44 : 30, bottom: 40 + 20 * legendRows, containLabel: true },
    title: spec.title ? { text: spec.title, left: 'center', textStyle: { fontSize: 13, fontWeight: 500 } } : undefined,
    tooltip: { trigger: 'axis', confine: true, valueFormatter: v => (v == null ? '–' : Number(v).toPrecision(4)) },
    // Full names, several rows if needed (a scroll legend cut names to "ste").
    legend: legend ? { type: 'plain', data: names, bottom: 0, left: 'center', itemWidth: 18, textStyle: { fontSize: 11 } } : undefined,
    xAxis: { type: spec.logX ? 'log' : 'value', name: spec.xName ?? '', nameLocation: 'middle', nameGap: 26, min: 'dataMin', max: 'dataMax',
             minInterval: spec.wholeX ? 1 : undefined, axisLine: { onZero: false }, axisLabel: { formatter: axisNumber } },
    // The name starts at the axis and runs right, so a long one is never cut at the chart's edge.
    yAxis: { type: spec.logY ? 'log' : 'value', name: spec.yName ?? '', nameTextStyle: { align: 'left' }, scale: true, axisLine: { onZero: false },
             axisLabel: { formatter: axisNumber } },
    series: toSeries(spec.series, spec.logY, spec.markX),
  };
}

export const { init, update, setTheme, dispose } = host(buildOption);

// Adds points to existing series (live epochs) without redrawing the rest.
export function append(element, additions) {
  const entry = entryOf(element);
  if (!entry) return;
  for (const add of additions) {
    let series = entry.spec.series.find(s => s.id === add.id);
    if (!series) {
      series = { id: add.id, name: add.name ?? add.id, points: [] };
      entry.spec.series.push(series);
    }
    series.points.push(...add.points);
  }
  // Before ECharts has arrived the spec alone grows; the chart is created from it.
  entry.chart?.setOption({ series: toSeries(entry.spec.series, entry.spec.logY, entry.spec.markX) });
}
