// Thin ECharts wrapper for scatter plots (LR vs metric): init / update / dispose only.
// One series per group (decay type); points are [x, y, id]; x may be logarithmic.

const charts = new WeakMap();

function buildOption(spec) {
  return {
    animation: false,
    grid: { left: 60, right: 20, top: 30, bottom: 40, containLabel: true },
    tooltip: {
      trigger: 'item', confine: true,
      formatter: p => `${p.seriesName} · trial ${p.data[2]}<br/>${spec.xName ?? 'x'} ${Number(p.data[0]).toPrecision(4)}<br/>${spec.yName ?? 'y'} ${p.data[1] == null ? '–' : Number(p.data[1]).toPrecision(4)}`,
    },
    legend: { type: 'scroll', bottom: 0 },
    xAxis: { type: spec.logX ? 'log' : 'value', name: spec.xName ?? '', nameLocation: 'middle', nameGap: 24, scale: true,
             axisLabel: { formatter: v => Number(v).toPrecision(2) } },
    yAxis: { type: spec.logY ? 'log' : 'value', name: spec.yName ?? '', scale: true,
             axisLabel: { formatter: v => Number(v).toPrecision(3) } },
    series: spec.series.map(s => ({
      id: s.id, name: s.name, type: 'scatter', symbolSize: 6, large: s.points.length > 2000,
      itemStyle: s.color ? { color: s.color, opacity: 0.75 } : { opacity: 0.75 },
      emphasis: { focus: 'series' },
      data: s.points,
    })),
  };
}

export function init(element, spec) {
  const chart = echarts.init(element, null, { renderer: 'canvas' });
  chart.setOption(buildOption(spec));
  const resize = new ResizeObserver(() => chart.resize());
  resize.observe(element);
  charts.set(element, { chart, resize });
}

export function update(element, spec) {
  const entry = charts.get(element);
  if (!entry) return init(element, spec);
  entry.chart.setOption(buildOption(spec), { notMerge: true });
}

export function dispose(element) {
  const entry = charts.get(element);
  if (!entry) return;
  entry.resize.disconnect();
  entry.chart.dispose();
  charts.delete(element);
}
