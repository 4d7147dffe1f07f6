import { html, useEffect, useRef } from './ui.js';

// Chart.js is the largest script the app has, so it loads with the first chart, not with the caseload. Its UMD
// build sets globalThis.Chart when imported.
let loading = null;
const chartLibrary = () => (loading ??= import('../vendor/chart.umd.min.js').then(() => globalThis.Chart));

const palette = ['#1f5fa8', '#b3541e', '#2e7d32', '#6a1b9a', '#00838f', '#8d6e63'];
export const colour = i => palette[i % palette.length];

// A chart on a canvas, drawn without animation so that what is shown is the data as it is now. The canvas is an
// image to assistive technology, described by `label`; the same figures are in the tables beside it.
export function Chart({ label, config, id }) {
  const canvas = useRef(null);
  useEffect(() => {
    let chart = null;
    let cancelled = false;
    chartLibrary().then(ChartJs => {
      if (cancelled || !canvas.current) return;
      chart = new ChartJs(canvas.current, {
        ...config,
        options: { animation: false, responsive: true, maintainAspectRatio: false, ...config.options },
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [JSON.stringify(config)]);
  return html`<div class="chart"><canvas ref=${canvas} id=${id} role="img" aria-label=${label}></canvas></div>`;
}
