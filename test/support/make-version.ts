import type { ColumnInfo, ColumnType } from '../../shared/contract';
import { commitVersion, createRowsTable } from '../../electron/datasets/version-store';
import { addFindings } from '../../electron/findings/finding-store';
import type { Db } from '../../electron/workspace/open-workspace';

// Test versions through the public storage path (staging table + commitVersion), until
// tests can import files. Values are given as stored (see version-store's per-type rules).
export interface VersionSpec {
  datasetId?: number | null;
  // A new dataset's producer: by default the one every workspace starts with.
  producerId?: number;
  name?: string;
  userId?: number;
  columns: { name: string; type: ColumnType; label?: string }[];
  rows: Iterable<unknown[]>;
  // Cells kept as text that did not fit their type: a `type` finding each, as the import writes.
  typeErrors?: { row: number; column: string }[];
}

let staging = 0;
// Created by migration 004 in every workspace, fresh or migrated.
export const defaultProducerId = 1;

export function makeVersion(db: Db, spec: VersionSpec): { datasetId: number; versionId: number; number: number } {
  const columns: ColumnInfo[] = spec.columns.map((c, position) => ({
    name: c.name,
    label: c.label ?? c.name,
    type: c.type,
    position,
    errorCount: (spec.typeErrors ?? []).filter((e) => e.column === c.name).length,
  }));
  const table = `staging_test_${process.pid}_${++staging}`;
  let rowCount = 0;
  db.transaction(() => {
    createRowsTable(db, table, columns);
    const insert = db.prepare(
      `INSERT INTO "${table}" ("_row", ${columns.map((c) => `"${c.name}"`).join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
    );
    for (const row of spec.rows) insert.run(++rowCount, ...row);
  })();
  const created = commitVersion(db, {
    datasetId: spec.datasetId ?? null,
    producerId: spec.producerId ?? defaultProducerId,
    datasetName: spec.name ?? 'Jeu de test',
    userId: spec.userId ?? 1,
    origin: 'import',
    columns,
    rowCount,
    source: null,
    changes: null,
    stagingTable: table,
  });
  addFindings(
    db,
    created.versionId,
    (spec.typeErrors ?? []).map((e) => ({
      source: 'type' as const,
      severity: 'warning' as const,
      code: 'type.mismatch',
      params: { type: columns.find((c) => c.name === e.column)!.type },
      rowId: e.row,
      column: e.column,
    })),
  );
  return created;
}

// Twelve columns of every type, deterministic, for the grid tests and the benchmark.
export const wideColumns: VersionSpec['columns'] = [
  { name: 'id', type: 'integer' },
  { name: 'commune', type: 'text', label: 'Commune' },
  { name: 'code_postal', type: 'text', label: 'Code postal' },
  { name: 'montant', type: 'decimal', label: 'Montant' },
  { name: 'quantite', type: 'integer', label: 'Quantité' },
  { name: 'actif', type: 'boolean', label: 'Actif' },
  { name: 'date_debut', type: 'date', label: 'Date de début' },
  { name: 'maj', type: 'datetime', label: 'Mise à jour' },
  { name: 'categorie', type: 'text', label: 'Catégorie' },
  { name: 'libelle', type: 'text', label: 'Libellé' },
  { name: 'taux', type: 'decimal', label: 'Taux' },
  { name: 'annee', type: 'integer', label: 'Année' },
];

const communes = ['Lyon', 'Marseille', 'Paris', 'Lille', 'Nantes', 'Rennes', 'Brest', 'Dijon', 'Metz', 'Nice', 'Évry', 'Île-d’Yeu'];
const categories = ['voirie', 'écoles', 'culture', 'sport', 'social'];

export function* wideRows(count: number): Generator<unknown[]> {
  let seed = 42;
  // The low bits of this generator cycle quickly: use the high ones.
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) >>> 12;
  for (let i = 1; i <= count; i++) {
    const r = next();
    const day = 1 + (r % 28);
    const month = 1 + (next() % 12);
    const year = 2000 + (next() % 25);
    yield [
      i,
      communes[r % communes.length],
      String(1000 + (next() % 95000)).padStart(5, '0'),
      i % 97 === 0 ? null : Math.round((next() % 10_000_000) / 10) / 100,
      next() % 1000,
      next() % 2,
      `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(next() % 24).padStart(2, '0')}:15:00`,
      categories[next() % categories.length],
      i % 50 === 0 ? null : `Opération ${next() % 100000} ${communes[i % communes.length]}`,
      (next() % 1000) / 10,
      year,
    ];
  }
}
