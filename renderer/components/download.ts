// Saving a file the app produced: a Blob download, which a browser saves and Electron offers to
// save with its own dialog. Text, bytes (base64 from the backend) or any Blob.

export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const download = (filename: string, content: string, type = 'text/csv;charset=utf-8'): void =>
  downloadBlob(filename, new Blob([content], { type }));

export function downloadBase64(filename: string, dataBase64: string, type: string): void {
  downloadBlob(filename, new Blob([Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0))], { type }));
}
