import { Paragraph } from "@utrecht/component-library-react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { chartData, chartSpec } from "../../../shared/monitoring.ts";
import type { MonitorChart, MonitorTable } from "./types.ts";

type State = "drawing" | "drawn" | "failed";

/**
 * A chart as a figure: the SVG that vega draws (role="img", named by the chart's description) with the title as
 * its caption. The figures themselves are in the table the page places right under it, so nothing is lost for
 * someone who cannot see the chart, nor when it cannot be drawn.
 */
export function ChartFigure({ chart, table }: { chart: MonitorChart; table: MonitorTable }) {
  const { t } = useTranslation();
  const captionId = useId();
  const holder = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>("drawing");
  const spec = chartSpec(chart, table);
  // Nothing to draw when every figure is hidden or 0: an empty frame says less than the sentence instead.
  const empty = chartData(chart, table).every((point) => point.value === 0);
  const specKey = JSON.stringify(spec);

  useEffect(() => {
    if (empty) return;
    let current = true;
    setState("drawing");
    const parsedSpec = JSON.parse(specKey) as Record<string, unknown>;
    import("./render-chart.ts")
      .then(({ renderChartSvg }) => renderChartSvg(parsedSpec))
      .then((markup) => {
        const target = holder.current;
        if (!current || !target) return;
        target.replaceChildren(accessibleSvg(markup, String(parsedSpec.description ?? chart.title)));
        setState("drawn");
      })
      .catch(() => {
        if (current) setState("failed");
      });
    return () => {
      current = false;
    };
  }, [specKey, empty, chart.title]);

  return (
    <figure className="kz-monitor-chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="kz-monitor-chart__caption">
        {chart.title}
      </figcaption>
      {empty ? <Paragraph>{t("monitoring.chart.empty")}</Paragraph> : null}
      {!empty && state === "drawing" ? <Paragraph className="kz-monitor-chart__status">{t("monitoring.chart.drawing")}</Paragraph> : null}
      {!empty && state === "failed" ? <Paragraph>{t("monitoring.chart.failed")}</Paragraph> : null}
      {/* React leaves this element's children alone: the effect puts the SVG in it. */}
      <div ref={holder} className="kz-monitor-chart__svg" hidden={empty || state !== "drawn"} />
    </figure>
  );
}

/** The SVG element of vega's markup as one image with a name; its inner ARIA roles are dropped. */
function accessibleSvg(markup: string, label: string): SVGSVGElement {
  const doc = new DOMParser().parseFromString(markup, "image/svg+xml");
  const svg = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
  for (const element of svg.querySelectorAll("[role], [aria-hidden], [aria-label], [aria-roledescription]")) {
    for (const name of ["role", "aria-hidden", "aria-label", "aria-roledescription"]) element.removeAttribute(name);
  }
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("focusable", "false");
  return svg;
}
