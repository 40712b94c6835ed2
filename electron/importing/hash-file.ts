import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

// The source's SHA-256, recorded with the version so a replay can tell the same file from a new
// one. The import worker hashes while it waits for the first rows: the parse thread is the
// busier of the two.
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
