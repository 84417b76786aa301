import { dutchWallClock } from "../../kernel/dutch-time.ts";

/**
 * Text for the minutes PDF: Dutch dates in Amsterdam time, and strings the PDF's built-in Helvetica can
 * show. The standard fonts only know WinAnsi (Latin-1 plus €, curly quotes, dashes and a few more); anything
 * else would print as garbage, so it is spelled with the nearest Latin letters or, failing that, "?".
 */

/** WinAnsi's characters beyond Latin-1, in the 0x80–0x9F range pdfkit maps them to. */
const winAnsiExtras = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const latinFallbacks: Record<string, string> = {
  "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H", "ŋ": "n", "ə": "e", "Ə": "E",
  "‐": "-", "‑": "-", "‒": "–", "―": "—", "′": "'", "″": "\"", "→": "->", "←": "<-", "≤": "<=", "≥": ">=", "≠": "!=",
  "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u200b": "", "\u2060": "", "\ufeff": "",
};
// Cyrillic names (Ukrainian, Russian, Bulgarian) are common in this domain; a readable transliteration beats "?".
const cyrillic = "а:a б:b в:v г:g ґ:g д:d е:e є:ie ж:zh з:z и:i і:i ї:i й:i к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ц:ts ч:ch ш:sh щ:shch ь: ю:iu я:ia ё:e ы:y э:e ъ:a";
const cyrillicMap = new Map(cyrillic.split(" ").map((pair) => pair.split(":") as [string, string]));

function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code < 0xa0);
}

function encodable(char: string): boolean {
  if (char === "\n") return true;
  return !isControl(char) && ((char.codePointAt(0) ?? 0) <= 0xff || winAnsiExtras.has(char));
}

function fallback(char: string): string {
  if (char === "\t") return " ";
  const mapped = latinFallbacks[char];
  if (mapped !== undefined) return mapped;
  const lower = char.toLowerCase();
  const translit = cyrillicMap.get(lower);
  if (translit !== undefined) return char === lower ? translit : translit.charAt(0).toUpperCase() + translit.slice(1);
  // Decompose accents and ligatures (ș → s, ĳ → ij, ﬁ → fi) and keep what the font can show.
  const decomposed = char.normalize("NFKD").replace(/\p{M}/gu, "");
  if (decomposed !== "" && [...decomposed].every(encodable)) return decomposed;
  return "?";
}

/** The text as Helvetica (WinAnsi) can show it; line breaks are kept, other control characters dropped. */
export function pdfSafe(text: string): string {
  let out = "";
  for (const char of text.replace(/\r\n?/g, "\n").normalize("NFC")) {
    if (encodable(char)) out += char;
    else if (!isControl(char) || char === "\t") out += fallback(char);
  }
  return out;
}

const weekdays = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];
const months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/** "3 december 2026" (or "donderdag 3 december 2026") for a calendar date "2026-12-03". */
function calendarDate(date: string, withWeekday: boolean): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const text = `${day} ${months[month - 1] ?? "?"} ${year}`;
  if (!withWeekday) return text;
  return `${weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]} ${text}`;
}

function wallClock(iso: string): { date: string; time: string } {
  const { date, time } = dutchWallClock(new Date(iso));
  return { date, time: time.slice(0, 5) };
}

/** A deadline as a Dutch date: a calendar date as it is, an instant by its date in Amsterdam. */
export function dutchDateText(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return calendarDate(value, false);
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : calendarDate(wallClock(value).date, false);
}

/** "3 december 2026, 09:30" in Amsterdam time. */
export function dutchDateTimeText(iso: string): string {
  const { date, time } = wallClock(iso);
  return `${calendarDate(date, false)}, ${time}`;
}

/** "donderdag 3 december 2026, 14:00–16:00"; a meeting past midnight names both days. */
export function meetingTimeText(startsAt: string, endsAt: string): string {
  const start = wallClock(startsAt);
  const end = wallClock(endsAt);
  if (start.date === end.date) return `${calendarDate(start.date, true)}, ${start.time}–${end.time}`;
  return `${calendarDate(start.date, true)}, ${start.time} tot ${calendarDate(end.date, true)}, ${end.time}`;
}
