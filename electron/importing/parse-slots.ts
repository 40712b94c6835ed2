// Files read at once, previews and imports together: each parse thread may hold a workbook up
// to its heap limit (worker-limits.ts), and previews rerun on every change of settings.
const maxParsesAtOnce = 2;
let running = 0;
const waiting: (() => void)[] = [];

export async function withParseSlot<T>(work: () => Promise<T>): Promise<T> {
  while (running >= maxParsesAtOnce) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}
