// Draws the charts the server prerendered with their spec (data-module, data-spec; ChartBase.cs)
// as soon as the page is parsed, so a Search page shows its curves before the circuit starts.
// The circuit's own init later draws the same element again (chartHost.js replaces the instance).
import { loadEcharts } from './chartHost.js';

const elements = [...document.querySelectorAll('[data-chart][data-module][data-spec]')];
// ECharts is fetched now, alongside the chart modules, not after them (three round trips later);
// a failure is reported by the charts' own init below, which tries again.
if (elements.length > 0) loadEcharts().catch(() => {});
const drawn = elements.map(element =>
  // Relative to the page, as Blazor imports it (a bare import() here would resolve against this file),
  // so the import map maps it to the same fingerprinted module the circuit uses.
  import(new URL(element.dataset.module, document.baseURI).href)
    .then(module => module.init(element, JSON.parse(element.dataset.spec), document.documentElement.dataset.theme === 'dark'))
    .catch(error => console.warn('prerendered chart not drawn', error)));
// App.razor starts Blazor when these are drawn (never rejected: each failure is caught above).
globalThis.hsPrerenderedCharts = Promise.all(drawn);
