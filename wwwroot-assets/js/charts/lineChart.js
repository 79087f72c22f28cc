// Thin ECharts wrapper for line charts: init / update / append / dispose only.
// The server owns the data; this module only turns it into ECharts options.
// `echarts` is the global from dist/echarts.min.js (loaded once in App.razor).

import { host, entryOf } from './chartHost.js';

function toSeries(series, logY) {
  return series.map(s => ({
    id: s.id,
    name: s.name,
    type: 'line',
    showSymbol: false,
    smooth: false,
    step: s.step ? 'end' : false,
    sampling: 'lttb',
    lineStyle: { width: s.width ?? 1.6, type: s.dashed ? 'dashed' : 'solid', opacity: s.faded ? 0.25 : 1 },
    itemStyle: s.color ? { color: s.color } : undefined,
    // Hovering a curve (not just its hidden symbols) highlights it and fades the others.
    triggerLineEvent: true,
    emphasis: { focus: 'series', lineStyle: { width: 3 } },
    blur: { lineStyle: { opacity: 0.15 } },
    data: logY ? s.points.map(p => [p[0], p[1] > 0 ? p[1] : null]) : s.points,
  }));
}

function buildOption(spec) {
  return {
    animation: false,
    grid: { left: 60, right: 20, top: spec.title ? 44 : 30, bottom: 40, containLabel: true },
    title: spec.title ? { text: spec.title, left: 'center', textStyle: { fontSize: 13, fontWeight: 500 } } : undefined,
    tooltip: { trigger: 'axis', confine: true, valueFormatter: v => (v == null ? '–' : Number(v).toPrecision(4)) },
    legend: spec.legend === false ? undefined : { type: 'scroll', bottom: 0 },
    xAxis: { type: spec.logX ? 'log' : 'value', name: spec.xName ?? '', nameLocation: 'middle', nameGap: 24, min: 'dataMin', max: 'dataMax',
             axisLine: { onZero: false },
             // (an explicit undefined would erase ECharts' default labels)
             ...(spec.logX ? { axisLabel: { formatter: v => (v < 1e-2 || v >= 1e3 ? Number(v).toExponential(0) : String(Number(v))) } } : {}) },
    yAxis: { type: spec.logY ? 'log' : 'value', name: spec.yName ?? '', scale: true, axisLine: { onZero: false },
             axisLabel: { formatter: v => Number(v).toPrecision(3) } },
    series: toSeries(spec.series, spec.logY),
  };
}

export const { init, update, dispose } = host(buildOption);

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
  entry.chart.setOption({ series: toSeries(entry.spec.series, entry.spec.logY) });
}
