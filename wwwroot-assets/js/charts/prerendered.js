// Draws the charts the server prerendered with their spec (data-module, data-spec; ChartBase.cs)
// as soon as the page is parsed, so a Search page shows its curves before the circuit starts.
// The circuit's own init later draws the same element again (chartHost.js replaces the instance).
for (const element of document.querySelectorAll('[data-chart][data-module][data-spec]')) {
  // Relative to the page, as Blazor imports it (a bare import() here would resolve against this file),
  // so the import map maps it to the same fingerprinted module the circuit uses.
  import(new URL(element.dataset.module, document.baseURI).href)
    .then(module => module.init(element, JSON.parse(element.dataset.spec), document.documentElement.dataset.theme === 'dark'))
    .catch(error => console.warn('prerendered chart not drawn', error));
}
