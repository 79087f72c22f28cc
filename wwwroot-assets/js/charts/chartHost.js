// The lifecycle every chart module shares: one ECharts instance per element, resized with it,
// drawn from a spec by the module's own buildOption, in ECharts' light or dark theme (following
// the dashboard's switch). Modules re-export init / update / setTheme / dispose.
//
// ECharts (1.1 MB) is loaded on the first chart, not by every page: as a script in the page it
// delayed Blazor's start on every page, chart or not (docs/benchmarks.md). Until it has arrived an
// element's entry holds the latest spec and theme; the chart is created from them once it is here,
// so updates and appended points that come meanwhile are drawn, not lost.

const charts = new WeakMap();
let echartsLoading;

// App.razor names the fingerprinted URL (cached for good); the plain path is the fallback.
function echartsUrl() {
  return document.querySelector('meta[name="hs-echarts"]')?.content ?? 'dist/echarts.min.js';
}

export function loadEcharts() {
  if (globalThis.echarts) return Promise.resolve();
  echartsLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = echartsUrl();
    script.onload = resolve;
    script.onerror = () => {
      echartsLoading = undefined; // let the next chart try again
      reject(new Error(`could not load ECharts from ${script.src}`));
    };
    document.head.appendChild(script);
  });
  return echartsLoading;
}

// Charts are created one at a time, each after the previous one is on screen, in the order asked:
// creating one takes the main thread 0.1–0.3 s on a slow machine, and charts created in one task
// (as when ECharts arrives for all of them) all wait for the last (docs/benchmarks.md, 2026-12-03).
let creating = Promise.resolve();

function inTurn(createChart) {
  const turn = creating.then(createChart);
  creating = turn.catch(() => {});
  return turn;
}

// After the next frame is painted (rAF, then a task); a hidden tab paints no frames, so at most 100 ms.
function afterNextPaint() {
  return new Promise(resolve => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 100);
  });
}

function create(element, spec, dark, buildOption) {
  const chart = echarts.init(element, dark ? 'dark' : null, { renderer: 'canvas' });
  element.dataset.theme = dark ? 'dark' : 'light'; // for people and tests inspecting the page
  // Transparent: the card underneath gives the background in both themes.
  chart.setOption({ backgroundColor: 'transparent', ...buildOption(spec) });
  return chart;
}

export function host(buildOption) {
  function init(element, spec, dark) {
    dispose(element); // a prerendered drawing of this element (prerendered.js) gives way to the live one
    const entry = { spec, dark: !!dark, chart: null, resize: null, resizeFrame: 0 };
    charts.set(element, entry);
    entry.ready = loadEcharts().then(() => inTurn(() => {
      if (charts.get(element) !== entry) return; // disposed or re-initialised meanwhile
      // A prerendered element that the circuit's first render replaced while ECharts was on its way:
      // a chart there would be 0×0, never seen, and kept alive by its ResizeObserver.
      if (!element.isConnected) return;
      entry.chart = create(element, entry.spec, entry.dark, buildOption);
      // An observer reports the size it starts with; a resize then would draw the chart a second time.
      // Reports are coalesced and read at the next frame: a size that lasts less than a frame (a
      // full-page screenshot's temporary viewport left every Search-page chart a few pixels wide in
      // one capture of twelve) is never drawn, and a window drag redraws once per frame.
      entry.resize = new ResizeObserver(() => {
        entry.resizeFrame ||= requestAnimationFrame(() => {
          entry.resizeFrame = 0;
          const chart = entry.chart;
          if (chart && (chart.getWidth() !== element.clientWidth || chart.getHeight() !== element.clientHeight)) chart.resize();
        });
      });
      entry.resize.observe(element);
      return afterNextPaint();
    })).catch(error => {
      // Never rejected back to the circuit: a JS error there would end the user's whole session.
      console.warn(error);
      element.textContent = 'The chart library could not be loaded; reload the page to try again.';
    });
    return entry.ready;
  }

  // Replaces the whole picture (new selection, filters, scale).
  function update(element, spec) {
    const entry = charts.get(element);
    if (!entry) return init(element, spec, false);
    entry.spec = spec;
    if (!entry.chart) return entry.ready; // drawn from entry.spec when ECharts arrives
    entry.chart.setOption({ backgroundColor: 'transparent', ...buildOption(spec) }, { notMerge: true });
  }

  // ECharts fixes a theme at init: redraw the same spec in a new instance.
  function setTheme(element, dark) {
    const entry = charts.get(element);
    if (!entry || entry.dark === !!dark) return;
    entry.dark = !!dark;
    if (!entry.chart) return;
    entry.chart.dispose();
    entry.chart = create(element, entry.spec, entry.dark, buildOption);
  }

  function dispose(element) {
    const entry = charts.get(element);
    if (!entry) return;
    charts.delete(element);
    entry.resize?.disconnect();
    if (entry.resizeFrame) cancelAnimationFrame(entry.resizeFrame);
    entry.chart?.dispose();
  }

  return { init, update, setTheme, dispose };
}

// The element's entry (spec, and chart once ECharts is here), for modules that add to a picture (append).
export function entryOf(element) {
  return charts.get(element);
}
