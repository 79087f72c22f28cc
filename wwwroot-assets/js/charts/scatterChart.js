// Thin ECharts wrapper for scatter plots (LR vs metric): init / update / dispose only.
// One series per group (decay type); points are [x, y, id]; x may be logarithmic.

import { host } from './chartHost.js';
import { axisNumber } from './numbers.js';
import { escapeHtml } from './html.js';

function buildOption(spec) {
  return {
    animation: false,
    grid: { left: 60, right: 20, top: 30, bottom: 40, containLabel: true },
    tooltip: {
      trigger: 'item', confine: true,
      formatter: p => `${escapeHtml(p.seriesName)} · trial ${escapeHtml(p.data[2])}<br/>${escapeHtml(spec.xName ?? 'x')} ${Number(p.data[0]).toPrecision(4)}<br/>${escapeHtml(spec.yName ?? 'y')} ${p.data[1] == null ? '–' : Number(p.data[1]).toPrecision(4)}`,
    },
    legend: { type: 'scroll', bottom: 0 },
    xAxis: { type: spec.logX ? 'log' : 'value', name: spec.xName ?? '', nameLocation: 'middle', nameGap: 24, scale: true,
             axisLabel: { formatter: axisNumber } },
    yAxis: { type: spec.logY ? 'log' : 'value', name: spec.yName ?? '', nameTextStyle: { align: 'left' }, scale: true,
             axisLabel: { formatter: axisNumber } },
    series: spec.series.map(s => ({
      id: s.id, name: s.name, type: 'scatter', symbolSize: 6, large: s.points.length > 2000,
      itemStyle: s.color ? { color: s.color, opacity: 0.75 } : { opacity: 0.75 },
      emphasis: { focus: 'series' },
      data: s.points,
    })),
  };
}

export const { init, update, setTheme, dispose } = host(buildOption);
