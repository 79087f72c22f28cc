// The parts of ECharts the dashboard's charts use (js/charts/*.js), bundled by build.mjs into
// dist/echarts.min.js as the global `echarts`. The full build is 1.1 MB of script that every first
// chart waited for (docs/benchmarks.md); a chart module that starts using another series type,
// component or option family must add it here, or ECharts warns in the console and leaves it out.
import { use } from 'echarts/core';
import { LineChart, ScatterChart, ParallelChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, ParallelComponent, TitleComponent, TooltipComponent } from 'echarts/components';
// grid.containLabel (lineChart.js, scatterChart.js) is an add-on since ECharts 6.
import { LegacyGridContainLabel } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

use([
  LineChart, ScatterChart, ParallelChart,
  GridComponent, LegendComponent, MarkAreaComponent, ParallelComponent, TitleComponent, TooltipComponent,
  LegacyGridContainLabel, CanvasRenderer,
]);

export * from 'echarts/core';
