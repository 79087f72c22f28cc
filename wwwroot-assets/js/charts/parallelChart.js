// Thin ECharts wrapper for parallel coordinates: init / update / dispose only.
// spec.axes: [{ name, log?, categories? }]; spec.lines: [{ values: [...], color }].

import { host } from './chartHost.js';
import { axisNumber } from './numbers.js';

function buildOption(spec) {
  return {
    animation: false,
    parallel: { left: 60, right: 80, top: 40, bottom: 30 },
    parallelAxis: spec.axes.map((a, i) => ({
      dim: i, name: a.name,
      type: a.categories ? 'category' : (a.log ? 'log' : 'value'),
      data: a.categories ?? undefined,
      scale: true,
      // (an explicit undefined would erase ECharts' default category labels)
      ...(a.categories ? {} : { axisLabel: { formatter: axisNumber } }),
    })),
    series: [{
      type: 'parallel', smooth: false,
      lineStyle: { width: 1, opacity: 0.45 },
      emphasis: { lineStyle: { width: 3, opacity: 1 } },
      data: spec.lines.map(l => ({ value: l.values, lineStyle: l.color ? { color: l.color } : undefined })),
    }],
  };
}

export const { init, update, setTheme, dispose } = host(buildOption);
