/**
 * Saves a file, one the main process made (base64 → Blob) or a text made here, through a
 * temporary link with `download`. The browser shell saves it to Downloads; Electron shows its
 * save dialog. The object URL is revoked once the download has started, so the bytes are not
 * kept for the life of the page.
 */
export interface DownloadFile {
  fileName: string;
  mime: string;
  base64: string;
}

export function blobOf(file: Pick<DownloadFile, 'mime' | 'base64'>): Blob {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: file.mime });
}

export function download(file: DownloadFile): void {
  downloadBlob(blobOf(file), file.fileName);
}

/** A text made here (a CSV of problems) as a UTF-8 file. */
export function downloadText(
  text: string,
  fileName: string,
  mime = 'text/csv;charset=utf-8',
): void {
  downloadBlob(new Blob([text], { type: mime }), fileName);
}

function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking in the same task can cancel the download in some browsers; a moment later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
