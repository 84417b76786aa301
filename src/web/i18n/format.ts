import { locale } from "./i18n.ts";

/** Date and time as people in the Netherlands read them: 5 mrt 2025, 14:03. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(date);
}

export function formatDate(value: string | Date): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale(), { dateStyle: "long" }).format(date);
}

/** A list in words: "a, b en c". */
export function formatList(items: string[]): string {
  return new Intl.ListFormat(locale(), { style: "long", type: "conjunction" }).format(items);
}
