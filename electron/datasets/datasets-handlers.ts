import { resolveDataset } from '../access/resolve';
import type { Handlers } from '../host/handler-context';
import { getDataset, listDatasets, listVersions } from './version-store';

export const datasetsHandlers = {
  'datasets.list': (_input, { services }) => listDatasets(services.db),
  'datasets.get': ({ datasetId }, ctx) => {
    resolveDataset(ctx, datasetId, 'read');
    return { dataset: getDataset(ctx.services.db, datasetId), versions: listVersions(ctx.services.db, datasetId) };
  },
} satisfies Partial<Handlers>;
