// Copies the ECharts bundle and our ES modules/CSS into the web project's wwwroot/dist.
// Kept bundler-free on purpose: the modules are small, native ES modules load them directly,
// and there is nothing to transpile.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? join(here, '..', 'src', 'HyperSearch.Web', 'wwwroot', 'dist');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(join(here, 'node_modules', 'echarts', 'dist', 'echarts.min.js'), join(out, 'echarts.min.js'));
cpSync(join(here, 'js'), join(out, 'js'), { recursive: true });
cpSync(join(here, 'css'), join(out, 'css'), { recursive: true });
cpSync(join(here, 'favicon.svg'), join(out, 'favicon.svg'));
console.log(`front-end assets written to ${out}`);
