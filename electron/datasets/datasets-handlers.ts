import type { Handlers } from '../host/handler-context';
import { getDataset, listDatasets, listVersions } from './version-store';

export const datasetsHandlers = {
  'datasets.list': (_input, { services }) => listDatasets(services.db),
  'datasets.get': ({ datasetId }, { services }) => ({
    dataset: getDataset(services.db, datasetId),
    versions: listVersions(services.db, datasetId),
  }),
} satisfies Partial<Handlers>;
