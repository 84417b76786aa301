import PDFDocument from "pdfkit";
import { pdfSafe } from "./minutes-pdf-text.ts";

/**
 * Layout primitives for the minutes PDF on pdfkit: headings that keep with what follows, paragraphs,
 * bullets, a shaded notice, a table whose rows never split, and the footer on every page. Every string
 * passes through pdfSafe, so callers hand over plain Unicode.
 */
export type Doc = PDFKit.PDFDocument;

export const fonts = { regular: "Helvetica", bold: "Helvetica-Bold", italic: "Helvetica-Oblique" } as const;
export const colours = { text: "#1a1a1a", muted: "#5a5a5a", accent: "#1f3a5f", rule: "#c4c9d0", band: "#e9eef4", shade: "#f3f3f3", bar: "#8a8f96", amber: "#fff1cc", warning: "#6b4a00" } as const;
export const margins = { top: 56, bottom: 76, left: 56, right: 56 } as const;
const lineGap = 2;

/**
 * An A4 document in the house style, Dutch, with its title shown by the viewer, and the bytes it will have
 * once ended. A fixed creation date also fixes the file ID pdfkit derives from the info dictionary, so the
 * same content and moment give the same bytes.
 */
export function openDocument(info: { title: string; subject: string; createdAt: Date }): { doc: Doc; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: "A4",
    margins,
    bufferPages: true,
    lang: "nl-NL",
    displayTitle: true,
    info: { Title: info.title, Author: "Ketenzicht", Subject: info.subject, Creator: "Ketenzicht", CreationDate: info.createdAt, ModDate: info.createdAt },
  });
  const bytes = new Promise<Buffer>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, bytes };
}

const contentWidth = (doc: Doc) => doc.page.width - margins.left - margins.right;
const bottomLimit = (doc: Doc) => doc.page.height - margins.bottom;

/** Starts a new page unless `height` points still fit above the footer. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

function style(doc: Doc, font: string, size: number, colour: string = colours.text): Doc {
  return doc.font(font).fontSize(size).fillColor(colour);
}

/** The height the text would take at the current font in the given width. */
function measure(doc: Doc, text: string, width: number): number {
  return doc.heightOfString(pdfSafe(text), { width, lineGap });
}

export function title(doc: Doc, text: string): void {
  style(doc, fonts.bold, 17, colours.accent).text(pdfSafe(text), margins.left, doc.y, { width: contentWidth(doc), lineGap });
  doc.moveDown(0.3);
  rule(doc, colours.accent, 1);
  doc.moveDown(0.6);
}

function rule(doc: Doc, colour: string, width = 0.5): void {
  doc.save().moveTo(margins.left, doc.y).lineTo(doc.page.width - margins.right, doc.y).lineWidth(width).strokeColor(colour).stroke().restore();
}

/**
 * A heading; `keep` is the room (in points) the following content needs on the same page, so a heading
 * never stands alone at the bottom of a page.
 */
export function heading(doc: Doc, text: string, level: 1 | 2 | 3, keep = 36): void {
  const size = level === 1 ? 14 : level === 2 ? 11.5 : 9.5;
  doc.moveDown(level === 3 ? 0.35 : 0.7);
  style(doc, fonts.bold, size, level === 3 ? colours.text : colours.accent);
  ensureSpace(doc, measure(doc, text, contentWidth(doc)) + keep);
  doc.text(pdfSafe(text), margins.left, doc.y, { width: contentWidth(doc), lineGap });
  doc.moveDown(level === 3 ? 0.15 : 0.3);
}

/** An agenda item's heading on a shaded band, with a muted line of details under it. */
export function itemHeading(doc: Doc, text: string, details: string, keep: number): void {
  doc.moveDown(0.8);
  const width = contentWidth(doc) - 12;
  style(doc, fonts.bold, 12);
  const textHeight = measure(doc, text, width);
  style(doc, fonts.regular, 9);
  const detailsHeight = details ? measure(doc, details, width) + 2 : 0;
  const bandHeight = textHeight + detailsHeight + 10;
  ensureSpace(doc, bandHeight + keep);
  const top = doc.y;
  doc.save().rect(margins.left, top, contentWidth(doc), bandHeight).fill(colours.band).restore();
  doc.save().rect(margins.left, top, 3, bandHeight).fill(colours.accent).restore();
  style(doc, fonts.bold, 12, colours.accent).text(pdfSafe(text), margins.left + 8, top + 5, { width, lineGap });
  if (details) style(doc, fonts.regular, 9, colours.muted).text(pdfSafe(details), margins.left + 8, doc.y + 2, { width, lineGap });
  doc.x = margins.left;
  doc.y = top + bandHeight;
  doc.moveDown(0.3);
}

/** A paragraph; blank lines in the text separate paragraphs. */
export function paragraph(doc: Doc, text: string, options: { italic?: boolean; muted?: boolean; size?: number } = {}): void {
  const size = options.size ?? 10;
  style(doc, options.italic ? fonts.italic : fonts.regular, size, options.muted ? colours.muted : colours.text);
  for (const part of text.split(/\n\s*\n/)) {
    ensureSpace(doc, size * 1.4);
    doc.text(pdfSafe(part.trim()), margins.left, doc.y, { width: contentWidth(doc), lineGap, paragraphGap: 3 });
  }
}

/** A list of bullets; each may open with a bold lead-in that carries its own separator ("Controle: "). */
export function bullets(doc: Doc, entries: { lead?: string; text: string }[]): void {
  const indent = 14;
  const width = contentWidth(doc) - indent;
  for (const entry of entries) {
    style(doc, fonts.regular, 10);
    ensureSpace(doc, Math.min(measure(doc, (entry.lead ?? "") + entry.text, width), 40));
    const top = doc.y;
    doc.save().circle(margins.left + 4, top + 4.5, 1.6).fill(colours.muted).restore();
    if (entry.lead) {
      style(doc, fonts.bold, 10).text(pdfSafe(entry.lead), margins.left + indent, top, { width, lineGap, continued: true });
      style(doc, fonts.regular, 10).text(pdfSafe(entry.text), { lineGap, paragraphGap: 3 });
    } else {
      doc.text(pdfSafe(entry.text), margins.left + indent, top, { width, lineGap, paragraphGap: 3 });
    }
  }
  doc.x = margins.left;
}

/** A shaded notice with a bar on the left, for what has been withheld from this reader. */
export function notice(doc: Doc, text: string): void {
  const width = contentWidth(doc) - 20;
  style(doc, fonts.italic, 9.5, colours.text);
  const height = measure(doc, text, width) + 12;
  ensureSpace(doc, height);
  const top = doc.y;
  doc.save().rect(margins.left, top, contentWidth(doc), height).fill(colours.shade).restore();
  doc.save().rect(margins.left, top, 2.5, height).fill(colours.bar).restore();
  style(doc, fonts.italic, 9.5, colours.text).text(pdfSafe(text), margins.left + 12, top + 6, { width, lineGap });
  doc.x = margins.left;
  doc.y = top + height;
  doc.moveDown(0.4);
}

/** A table cell: a main text and optionally a muted second line (e.g. an action's result). */
export interface Cell {
  text: string;
  note?: string | null;
}

/**
 * A captioned table of `columns` (header and share of the width). The caption keeps with the header and
 * the first row; a later row that no longer fits moves, with the header, to the next page.
 */
export function table(doc: Doc, caption: string, columns: { header: string; share: number }[], rows: Cell[][]): void {
  const pad = 4;
  const total = columns.reduce((sum, c) => sum + c.share, 0);
  const widths = columns.map((c) => (c.share / total) * contentWidth(doc));
  const lefts = widths.map((_, i) => margins.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const cellHeight = (cell: Cell, i: number) => {
    const width = (widths[i] ?? 0) - 2 * pad;
    style(doc, fonts.regular, 9);
    const main = measure(doc, cell.text, width);
    if (!cell.note) return main;
    style(doc, fonts.italic, 8.5);
    return main + 2 + measure(doc, cell.note, width);
  };
  const rowHeight = (row: Cell[]) => Math.max(0, ...row.map(cellHeight)) + 2 * pad;
  style(doc, fonts.bold, 8.5);
  const headerHeight = Math.max(...columns.map((c, i) => measure(doc, c.header, (widths[i] ?? 0) - 2 * pad))) + 2 * pad;
  const drawHeader = () => {
    const top = doc.y;
    doc.save().rect(margins.left, top, contentWidth(doc), headerHeight).fill(colours.band).restore();
    columns.forEach((c, i) => style(doc, fonts.bold, 8.5, colours.accent).text(pdfSafe(c.header), (lefts[i] ?? 0) + pad, top + pad, { width: (widths[i] ?? 0) - 2 * pad, lineGap }));
    doc.y = top + headerHeight;
  };
  heading(doc, caption, 3, headerHeight + Math.min(rows[0] ? rowHeight(rows[0]) : 0, 240));
  drawHeader();
  for (const row of rows) {
    const height = rowHeight(row);
    if (doc.y + height > bottomLimit(doc)) {
      doc.addPage();
      drawHeader();
    }
    const top = doc.y;
    row.forEach((cell, i) => {
      const x = (lefts[i] ?? 0) + pad;
      const width = (widths[i] ?? 0) - 2 * pad;
      style(doc, fonts.regular, 9).text(pdfSafe(cell.text), x, top + pad, { width, lineGap });
      if (cell.note) style(doc, fonts.italic, 8.5, colours.muted).text(pdfSafe(cell.note), x, doc.y + 2, { width, lineGap });
    });
    doc.y = top + height;
    rule(doc, colours.rule);
  }
  doc.x = margins.left;
  doc.moveDown(0.4);
}

/** A bold line on an amber band, for the status of minutes that are not final. */
export function banner(doc: Doc, text: string): void {
  const width = contentWidth(doc) - 16;
  style(doc, fonts.bold, 10);
  const height = measure(doc, text, width) + 10;
  const top = doc.y;
  doc.save().rect(margins.left, top, contentWidth(doc), height).fill(colours.amber).restore();
  style(doc, fonts.bold, 10, colours.warning).text(pdfSafe(text), margins.left + 8, top + 5, { width, lineGap });
  doc.x = margins.left;
  doc.y = top + height;
  doc.moveDown(0.4);
}

/** Label–value lines under the title ("Datum", "Plaats", …). */
export function facts(doc: Doc, entries: [label: string, value: string][]): void {
  const labelWidth = 92;
  const width = contentWidth(doc) - labelWidth;
  for (const [label, value] of entries) {
    const top = doc.y;
    style(doc, fonts.regular, 9.5, colours.muted).text(pdfSafe(label), margins.left, top, { width: labelWidth - 8, lineGap });
    const labelBottom = doc.y;
    style(doc, fonts.regular, 10).text(pdfSafe(value), margins.left + labelWidth, top, { width, lineGap });
    doc.y = Math.max(doc.y, labelBottom) + 1;
  }
  doc.x = margins.left;
}

/** Writes the footer on every buffered page: the confidentiality line, the generation line, "Pagina X van Y". */
export function footers(doc: Doc, confidentiality: string, generated: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit open a new page; lift the margin while we do.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const top = doc.page.height - margins.bottom + 26;
    const width = contentWidth(doc);
    doc.save().moveTo(margins.left, top).lineTo(margins.left + width, top).lineWidth(0.5).strokeColor(colours.rule).stroke().restore();
    style(doc, fonts.bold, 8, colours.muted).text(pdfSafe(confidentiality), margins.left, top + 6, { width, height: 10, ellipsis: true });
    style(doc, fonts.regular, 8, colours.muted).text(pdfSafe(generated), margins.left, top + 18, { width: width - 90, height: 10, ellipsis: true });
    doc.text(`Pagina ${i - start + 1} van ${count}`, margins.left + width - 90, top + 18, { width: 90, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
