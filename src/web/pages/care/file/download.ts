import type { ExportFile } from "../types.ts";

/**
 * Offers an export the server returned as a file download: a Blob, an object URL and a temporary
 * <a download>. The URL is revoked once the browser has taken the file.
 */
export function downloadExport(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mediaType};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
