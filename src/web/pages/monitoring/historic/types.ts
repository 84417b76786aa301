/** The historic figures API's shapes as the page uses them (see historic.schema.ts on the server). */
export type Measure = "signals" | "care_trajectories";
export type AreaKind = "region" | "municipality";

export interface HistoricFigure {
  id: string;
  areaKind: AreaKind;
  areaId: string;
  areaName: string;
  regionId: string;
  year: number;
  measure: Measure;
  count: number;
  source: string | null;
  importedBy: string | null;
  importedAt: string;
  abilities: { delete: boolean };
}

export interface HistoricList {
  items: HistoricFigure[];
  importAreas: { kind: AreaKind; id: string; name: string }[];
}

export interface HistoricImportResult {
  dryRun: boolean;
  imported: number;
  replaced: number;
  figures: {
    row: number; areaKind: AreaKind; areaId: string; areaName: string; regionId: string; year: number; measure: Measure; count: number;
    source: string | null; replaces: number | null;
  }[];
}

/** The example file in src/web/public, described in docs/monitoring-historic-figures.md. */
export const EXAMPLE_FILE = "/voorbeeld-historische-cijfers.csv";
