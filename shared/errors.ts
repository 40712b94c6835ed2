import type { errors as frErrors } from './i18n/fr/errors';

// Every error the API can return. The renderer and the CLI turn a code into a sentence
// (shared/i18n); the code and its params are all that ever crosses the door.
export const errorCodes = [
  // dispatcher
  'api.unknown_method',
  'api.invalid_input',
  'api.invalid_output',
  'api.internal',
  'api.transport',
  'auth.not_signed_in',
  'auth.role_too_low',
  // session and users
  'auth.bad_credentials',
  'auth.locked',
  'auth.disabled',
  'auth.slow_down',
  'auth.password_change_required',
  'setup.already_done',
  'setup.required',
  'users.name_taken',
  'users.weak_password',
  'users.not_found',
  'users.cannot_disable_self',
  'users.last_admin',
  'users.name_lookalike',
  'users.wrong_current_password',
  'users.password_unchanged',
  // workspace
  'workspace.too_new',
  'workspace.migration_changed',
  'workspace.not_found',
  'workspace.unreadable',
  'workspace.locked',
  // audit
  'audit.key_missing',
  'audit.key_unavailable',
  // files and jobs
  'files.not_found',
  'files.too_large',
  'files.locked',
  'files.upload_mismatch',
  'jobs.not_found',
  'jobs.cancelled',
  // importing
  'import.encrypted',
  'import.unsupported_format',
  'import.empty',
  'import.no_table',
  'import.sheet_not_found',
  'import.archive_bomb',
  'import.too_many_strings',
  'import.out_of_memory',
  'import.too_many_rows',
  'import.too_many_columns',
  'import.bad_encoding',
  'import.corrupt',
  'import.header_row_out_of_range',
  'import.bad_type_override',
  // producers and the permission check
  'producers.not_found',
  'producers.code_taken',
  'producers.cog_not_found',
  'producers.choose_one',
  'producers.none',
  'access.denied',
  'versions.not_latest',
  // datasets, versions, reviewing
  'datasets.not_found',
  'versions.not_found',
  'columns.not_found',
  'grid.bad_filter',
  'edits.bad_value',
  'edits.nothing_to_undo',
  'edits.nothing_to_redo',
  'edits.nothing_to_save',
  'edits.conflict',
  'edits.no_such_conflict',
  'edits.base_replaced',
  'rows.not_found',
  'compare.key_not_unique',
  // exporting
  'export.not_found',
  'export.too_large_for_xlsx',
  // findings
  'findings.not_found',
  'findings.not_open',
  'findings.justification_required',
] as const;

export type ErrorCode = (typeof errorCodes)[number];
export type ErrorParams = Record<string, string | number>;

export interface ErrorPayload {
  code: ErrorCode;
  params: ErrorParams;
}

// Thrown by services and handlers; the dispatcher turns it into `{ok:false,error}`.
// Anything else thrown becomes 'api.internal' with no detail, so no stack reaches the page.
// The params a code's French sentence names ({sheet}, {sheets}…): the compiler refuses an
// AppError that would leave a placeholder unfilled on screen.
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
export type ParamsOf<C extends ErrorCode> = { [K in Placeholders<(typeof frErrors)[C]>]: string | number } & ErrorParams;
type ParamsArg<C extends ErrorCode> = [Placeholders<(typeof frErrors)[C]>] extends [never] ? [params?: ErrorParams] : [params: ParamsOf<C>];

export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly params: ErrorParams;

  constructor(code: C, ...[params = {}]: ParamsArg<C>) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }

  // A payload that crossed a thread or process boundary was checked where it was made.
  static fromPayload(payload: ErrorPayload): AppError {
    return new AppError<ErrorCode>(payload.code, payload.params as ParamsOf<ErrorCode>);
  }

  toPayload(): ErrorPayload {
    return { code: this.code, params: this.params };
  }
}

export function isErrorCode(value: string): value is ErrorCode {
  return (errorCodes as readonly string[]).includes(value);
}
