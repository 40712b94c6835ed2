import type { ApiClient } from '../../shared/api-client';
import { readdirSync } from 'node:fs';
import { expect } from 'vitest';
import type { ColumnType, ImportSettings, VersionSummary } from '../../shared/contract';
import type { ServiceHost } from '../../electron/host/service-host';
import { versionRowsTable } from '../../electron/datasets/version-store';

// Drives an import through the real API, as the page does, from a file already on disk.
export async function importFile(
  host: ServiceHost,
  client: ApiClient,
  path: string,
  options: { settings?: ImportSettings; datasetId?: number; keyColumn?: string; datasetName?: string; producerId?: number } = {},
) {
  const fileToken = host.services.files.register(path);
  const { jobId } = await client.call('importing.start', { fileToken, settings: options.settings ?? {}, ...pick(options) });
  const job = await host.services.jobs.wait(jobId);
  return job;
}

function pick(options: { datasetId?: number; keyColumn?: string; datasetName?: string; producerId?: number }) {
  const out: { datasetId?: number; keyColumn?: string; datasetName?: string; producerId?: number } = {};
  if (options.datasetId !== undefined) out.datasetId = options.datasetId;
  if (options.keyColumn !== undefined) out.keyColumn = options.keyColumn;
  if (options.datasetName !== undefined) out.datasetName = options.datasetName;
  if (options.producerId !== undefined) out.producerId = options.producerId;
  return out;
}

export async function importedVersion(host: ServiceHost, client: ApiClient, path: string, settings: ImportSettings = {}) {
  const job = await importFile(host, client, path, { settings });
  if (job.status !== 'done') throw new Error(`import of ${path} ended ${job.status}: ${JSON.stringify(job.error)}`);
  const datasetId = job.result!.datasetId as number;
  const { versions } = await client.call('datasets.get', { datasetId });
  const version = versions[versions.length - 1]!;
  return { version, rows: versionRows(host, version) };
}

// A version's rows as objects by column name, in row order.
export function versionRows(host: ServiceHost, version: VersionSummary): Record<string, unknown>[] {
  return host.services.db.prepare(`SELECT * FROM "${versionRowsTable(version.id)}" ORDER BY _row`).all() as Record<string, unknown>[];
}

export function preview(host: ServiceHost, client: ApiClient, path: string, settings: ImportSettings = {}) {
  return client.call('importing.preview', { fileToken: host.services.files.register(path), settings });
}

// What a sample must become once imported (row: 1-based, as _row).
export interface ExpectedImport {
  rows: number;
  settings?: Partial<ImportSettings>;
  given?: ImportSettings;
  columns?: string[];
  types?: Record<string, ColumnType>;
  values?: [row: number, Record<string, unknown>][];
}

export function sampleFiles(samplesDir: string, pattern: RegExp): string[] {
  return readdirSync(samplesDir, { recursive: true })
    .map(String)
    .filter((f) => pattern.test(f))
    .sort();
}

export async function expectImported(host: ServiceHost, client: ApiClient, path: string, want: ExpectedImport): Promise<void> {
  const { version, rows } = await importedVersion(host, client, path, want.given);
  expect(version.rowCount).toBe(want.rows);
  expect(rows).toHaveLength(want.rows);
  if (want.settings) expect(version.source?.settings).toMatchObject(want.settings);
  if (want.columns) expect(version.columns.map((c) => c.name)).toEqual(want.columns);
  const types = Object.fromEntries(version.columns.map((c) => [c.name, c.type]));
  if (want.types) expect(types).toMatchObject(want.types);
  for (const [row, values] of want.values ?? []) expect(rows[row - 1]).toMatchObject(values);
}
