// The lifecycle every chart module shares: one ECharts instance per element, resized with it,
// drawn from a spec by the module's own buildOption, in ECharts' light or dark theme (following
// the dashboard's switch). Modules re-export init / update / setTheme / dispose.

const charts = new WeakMap();

function create(element, spec, dark, buildOption) {
  const chart = echarts.init(element, dark ? 'dark' : null, { renderer: 'canvas' });
  element.dataset.theme = dark ? 'dark' : 'light'; // for people and tests inspecting the page
  // Transparent: the card underneath gives the background in both themes.
  chart.setOption({ backgroundColor: 'transparent', ...buildOption(spec) });
  return chart;
}

export function host(buildOption) {
  function init(element, spec, dark) {
    const chart = create(element, spec, dark, buildOption);
    const resize = new ResizeObserver(() => charts.get(element)?.chart.resize());
    resize.observe(element);
    charts.set(element, { chart, resize, spec, dark: !!dark });
  }

  // Replaces the whole picture (new selection, filters, scale).
  function update(element, spec) {
    const entry = charts.get(element);
    if (!entry) return init(element, spec, false);
    entry.spec = spec;
    entry.chart.setOption({ backgroundColor: 'transparent', ...buildOption(spec) }, { notMerge: true });
  }

  // ECharts fixes a theme at init: redraw the same spec in a new instance.
  function setTheme(element, dark) {
    const entry = charts.get(element);
    if (!entry || entry.dark === !!dark) return;
    entry.chart.dispose();
    entry.chart = create(element, entry.spec, dark, buildOption);
    entry.dark = !!dark;
  }

  function dispose(element) {
    const entry = charts.get(element);
    if (!entry) return;
    entry.resize.disconnect();
    entry.chart.dispose();
    charts.delete(element);
  }

  return { init, update, setTheme, dispose };
}

// The chart and the spec it was drawn from, for modules that add to a picture (append).
export function entryOf(element) {
  return charts.get(element);
}
