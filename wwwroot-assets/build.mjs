// Writes the web project's wwwroot/dist: ECharts, bundled from the parts the charts use
// (echarts-parts.js), and our ES modules/CSS copied as they are — native ES modules load them
// directly and there is nothing to transpile, so esbuild only builds the ECharts bundle.
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
// `node build.mjs [OUT] [--development]`: --development leaves ECharts unminified with its console
// warnings on, which name any part a chart uses that echarts-parts.js left out (E2E ChartPartsTests).
const args = process.argv.slice(2);
const development = args.includes('--development');
const out = args.find(a => !a.startsWith('--')) ?? join(here, '..', 'src', 'HyperSearch.Web', 'wwwroot', 'dist');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const echartsVersion = JSON.parse(readFileSync(join(here, 'node_modules', 'echarts', 'package.json'), 'utf8')).version;
await build({
  entryPoints: [join(here, 'echarts-parts.js')],
  outfile: join(out, 'echarts.min.js'),
  bundle: true,
  minify: !development,
  define: { 'process.env.NODE_ENV': JSON.stringify(development ? 'development' : 'production') },
  format: 'iife',
  globalName: 'echarts', // chartHost.js and the browser tests use the global, as with the stock build
  target: 'es2020',
  legalComments: 'none',
  banner: { js: `/*! Apache ECharts ${echartsVersion} (Apache License 2.0, node_modules/echarts/LICENSE): the parts in wwwroot-assets/echarts-parts.js */` },
  logLevel: 'warning',
});
cpSync(join(here, 'js'), join(out, 'js'), { recursive: true });
cpSync(join(here, 'css'), join(out, 'css'), { recursive: true });
cpSync(join(here, 'favicon.svg'), join(out, 'favicon.svg'));
console.log(`front-end assets written to ${out}`);
