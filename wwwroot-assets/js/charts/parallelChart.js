// Thin ECharts wrapper for parallel coordinates: init / update / dispose only.
// spec.axes: [{ name, log?, categories? }]; spec.lines: [{ values: [...], color }].

const charts = new WeakMap();

function buildOption(spec) {
  return {
    animation: false,
    parallel: { left: 60, right: 80, top: 40, bottom: 30 },
    parallelAxis: spec.axes.map((a, i) => ({
      dim: i, name: a.name,
      type: a.categories ? 'category' : (a.log ? 'log' : 'value'),
      data: a.categories ?? undefined,
      scale: true,
      axisLabel: a.categories ? undefined : { formatter: v => Number(v).toPrecision(3) },
    })),
    series: [{
      type: 'parallel', smooth: false,
      lineStyle: { width: 1, opacity: 0.45 },
      emphasis: { lineStyle: { width: 3, opacity: 1 } },
      data: spec.lines.map(l => ({ value: l.values, lineStyle: l.color ? { color: l.color } : undefined })),
    }],
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
