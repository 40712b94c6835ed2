import { resolveDataset, visibleProducers } from '../access/resolve';
import type { Handlers } from '../host/handler-context';
import { getDataset, listDatasets, listVersions } from './version-store';

export const datasetsHandlers = {
  'datasets.list': (_input, ctx) => listDatasets(ctx.services.db, visibleProducers(ctx)),
  'datasets.get': ({ datasetId }, ctx) => {
    const { can } = resolveDataset(ctx, datasetId, 'read');
    return { dataset: getDataset(ctx.services.db, datasetId), versions: listVersions(ctx.services.db, datasetId), can };
  },
} satisfies Partial<Handlers>;
