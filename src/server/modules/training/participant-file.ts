import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";

/**
 * Reads a participant list (CSV or XLSX) into a header and rows of cell texts, without judging the content.
 * The format is described in docs/training-import.md. Problems with the file as a whole are thrown as
 * FileProblem; the rows are checked by participant-import.ts.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_ROWS = 1000;

export class FileProblem extends Error {
  constructor(readonly code: string, readonly reason: string) {
    super(reason);
  }
}

export interface RawRow {
  /** The line number in the file; the header is line 1. */
  row: number;
  cells: string[];
}
export interface RawTable { header: string[]; rows: RawRow[] }

export function decodeContent(content: string): Buffer {
  const compact = content.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) throw new FileProblem("not_base64", "De inhoud is niet base64-gecodeerd.");
  const bytes = Buffer.from(compact, "base64");
  if (bytes.length === 0) throw new FileProblem("empty_file", "Het bestand is leeg.");
  if (bytes.length > MAX_FILE_BYTES) throw new FileProblem("file_too_large", "Het bestand is groter dan 2 MB.");
  return bytes;
}

export async function readTable(fileName: string, bytes: Buffer): Promise<RawTable> {
  const extension = fileName.toLowerCase().split(".").pop();
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (extension === "xlsx") {
    if (!isZip) throw new FileProblem("unreadable_file", "Het bestand is geen geldig Excel-bestand (.xlsx).");
    return readXlsx(bytes);
  }
  if (extension === "csv") {
    if (isZip) throw new FileProblem("unreadable_file", "Dit lijkt een Excel-bestand; geef het de extensie .xlsx.");
    return readCsv(bytes);
  }
  throw new FileProblem("unsupported_file_type", "Lever een CSV-bestand (.csv) of een Excel-bestand (.xlsx) aan.");
}

function readCsv(bytes: Buffer): RawTable {
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  if (text.includes("\uFFFD")) throw new FileProblem("unreadable_file", "Het CSV-bestand is niet in UTF-8 opgeslagen.");
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  // Dutch spreadsheet programs write ";" between columns, others ",".
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) && firstLine.includes(";") ? ";" : ",";
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true, trim: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new FileProblem("unreadable_file", `Het CSV-bestand kon niet worden gelezen${line ? ` (rond regel ${line})` : ""}; controleer de aanhalingstekens.`);
  }
  const [header, ...rest] = records;
  if (!header || header.every((cell) => !cell)) throw new FileProblem("empty_file", "Het bestand is leeg.");
  return { header, rows: rest.map((cells, index) => ({ row: index + 2, cells })) };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("").trim();
    if ("text" in value && typeof value.text === "string") return value.text.trim();
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("error" in value) return "";
    return "";
  }
  return String(value).trim();
}

async function readXlsx(bytes: Buffer): Promise<RawTable> {
  // Loaded on first use: exceljs is large, and most processes never read a workbook.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new FileProblem("unreadable_file", "Het Excel-bestand kon niet worden gelezen.");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new FileProblem("empty_file", "Het bestand is leeg.");
  if (sheet.rowCount > MAX_ROWS + 50 && sheet.actualRowCount > MAX_ROWS + 1) {
    throw new FileProblem("too_many_rows", `Het bestand heeft meer dan ${MAX_ROWS} deelnemers; splits het op.`);
  }
  const width = sheet.columnCount;
  const rows: RawRow[] = [];
  let header: string[] | null = null;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
    if (rowNumber === 1) header = cells;
    else rows.push({ row: rowNumber, cells });
  });
  if (!header || (header as string[]).every((cell) => !cell)) throw new FileProblem("empty_file", "Het bestand is leeg of de kopregel staat niet op regel 1.");
  return { header, rows };
}
