// The lifecycle every chart module shares: one ECharts instance per element, resized with it,
// drawn from a spec by the module's own buildOption. Modules re-export init / update / dispose.

const charts = new WeakMap();

export function host(buildOption) {
  function init(element, spec) {
    const chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(buildOption(spec));
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element);
    charts.set(element, { chart, resize, spec });
  }

  // Replaces the whole picture (new selection, filters, scale).
  function update(element, spec) {
    const entry = charts.get(element);
    if (!entry) return init(element, spec);
    entry.spec = spec;
    entry.chart.setOption(buildOption(spec), { notMerge: true });
  }

  function dispose(element) {
    const entry = charts.get(element);
    if (!entry) return;
    entry.resize.disconnect();
    entry.chart.dispose();
    charts.delete(element);
  }

  return { init, update, dispose };
}

// The chart and the spec it was drawn from, for modules that add to a picture (append).
export function entryOf(element) {
  return charts.get(element);
}
