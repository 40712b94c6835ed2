import { api } from '../api';

// ~4 MB of file per call: its base64 (~5.6 MB) stays well under the contract's 12 MB chunk
// limit, and progress moves often enough on a slow disk.
const chunkBytes = 4 * 1024 * 1024;

function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(blob);
  });
}

// Sends the file in order through files.uploadStart/Chunk/Finish and returns the opaque
// token the import methods take: the page never handles a path.
export async function uploadFile(file: File, onProgress: (sent: number) => void): Promise<string> {
  const { uploadId } = await api.call('files.uploadStart', { fileName: file.name, size: file.size });
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    const base64 = await base64Of(file.slice(offset, offset + chunkBytes));
    await api.call('files.uploadChunk', { uploadId, offset, base64 });
    onProgress(Math.min(file.size, offset + chunkBytes));
  }
  const { fileToken } = await api.call('files.uploadFinish', { uploadId });
  return fileToken;
}
