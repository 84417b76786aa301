import { formatLocale, parse, View } from "vega";
import { expressionInterpreter } from "vega-interpreter";
import { compile, type TopLevelSpec } from "vega-lite";

/*
 * Draws a vega-lite chart to an SVG string. This module (and vega with it, most of a megabyte) is loaded only
 * when a chart is on screen: ChartFigure imports it dynamically. The Content-Security-Policy forbids eval, so
 * vega runs its expressions through vega-interpreter (parse with `ast`) instead of generated functions.
 */
formatLocale({ decimal: ",", thousands: ".", grouping: [3], currency: ["€ ", ""] });

export async function renderChartSvg(spec: Record<string, unknown>): Promise<string> {
  // The page gives the chart its accessible name and its table; vega's own ARIA labels would be English.
  const base = spec.config as { legend?: Record<string, unknown> } | undefined;
  // The screen has room for the full names of municipalities and series in the legend.
  const config = { ...base, legend: { ...base?.legend, labelLimit: 280 }, aria: false };
  const compiled = compile({ ...spec, config } as TopLevelSpec).spec;
  const view = new View(parse(compiled, undefined, { ast: true }), { renderer: "none", expr: expressionInterpreter });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
