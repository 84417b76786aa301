import type { TopLevelSpec } from "vega-lite";
import { chartData, chartSpec, type MonitorChart, type MonitorTable } from "../../../shared/monitoring.ts";

/**
 * A monitor chart as SVG on the server, for the PDF report: the same vega-lite specification the web app
 * draws (shared/monitoring.ts chartSpec), compiled to vega and rendered headless (no canvas, no DOM).
 */
export interface ChartSvg {
  svg: string;
  /** The SVG's own size in pixels (the plot plus axes and legend), to scale it onto the page. */
  width: number;
  height: number;
}

/** Null when the chart has nothing to draw (every value suppressed or missing): the table says why. */
export async function chartSvg(
  chart: MonitorChart,
  table: MonitorTable,
  size: { width: number; height: number },
  options: { legend?: "right" | "bottom" } = {},
): Promise<ChartSvg | null> {
  if (chartData(chart, table).length === 0) return null;
  const spec = chartSpec(chart, table, size);
  // On paper the legend has room: names of municipalities and series are not cut off; under the chart it
  // leaves the plot the page's whole width.
  const config = spec.config as { legend?: Record<string, unknown> } | undefined;
  if (config) config.legend = { ...config.legend, labelLimit: 320, ...(options.legend === "bottom" ? { orient: "bottom", direction: "horizontal" } : {}) };
  // Upright category labels only when they fit side by side (the shared spec goes by their number alone).
  const x = (spec.encoding as { x?: { sort?: unknown; axis?: Record<string, unknown> } } | undefined)?.x;
  if (x && Array.isArray(x.sort)) {
    const labels = x.sort as string[];
    const needed = labels.reduce((sum, label) => sum + Math.min(label.length, 24) * 6.5 + 12, 0);
    if (needed > size.width) x.axis = { ...x.axis, labelAngle: -40 };
  }
  // Loaded on first use: vega is large, and only the PDF report draws charts on the server.
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const { spec: vgSpec } = compile(spec as unknown as TopLevelSpec);
  const view = new vega.View(vega.parse(vgSpec), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? size.width);
    const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1] ?? size.height);
    return { svg, width, height };
  } finally {
    view.finalize();
  }
}
