import { AppError } from '../../shared/errors';
import type { Handlers } from '../host/handler-context';

// Placeholder until the import pipeline lands: refuses with a clear code.
export const importingHandlers = {
  'importing.preview': () => {
    throw new AppError('import.unsupported_format');
  },
  'importing.start': () => {
    throw new AppError('import.unsupported_format');
  },
} satisfies Partial<Handlers>;
