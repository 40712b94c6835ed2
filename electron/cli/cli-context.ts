import { createApiClient, ApiError, type ApiClient } from '../../shared/api-client';
import { errorMessage } from '../../shared/i18n/catalog';
import { AppError } from '../../shared/errors';
import { inProcessTransport } from '../host/in-process-transport';
import { createServiceHost, type ServiceHost, type ServiceHostOptions } from '../host/service-host';
import { openWorkspace } from '../workspace/open-workspace';
import { terminalJson, terminalLine } from './terminal-text';

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
  // ATELIER_PASSWORD, else typed with echo off on a terminal, else the first line of input.
  readPassword: () => Promise<string>;
  env: NodeJS.ProcessEnv;
}

export interface CliOptions {
  workspace: string;
  json: boolean;
  user?: string | undefined;
}

export class UsageError extends Error {}

export interface CliCommand {
  // One French line for `atelier --help`.
  summary: string;
  usage: string;
  // More lines for `atelier COMMANDE --help`: options, examples.
  details?: string[];
  // Options the command takes besides --workspace, --json and --user.
  options?: Record<string, { type: 'string' | 'boolean' }>;
  // The exit code when it is not 0 without an error (e.g. a check that found a problem).
  run(args: CliArgs, io: CliIO): Promise<void | number>;
}

export interface CliArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  common: CliOptions;
}

// Opens the workspace the command names, refusing to create one by accident (only `init`
// creates), and gives back a client signed in as --user (or ATELIER_USER).
export async function withSignedInClient<T>(
  args: CliArgs,
  io: CliIO,
  // `password` is the one the user signed in with (a password change needs it again).
  work: (client: ApiClient, host: ServiceHost, password: string) => Promise<T>,
  hostOptions: Pick<ServiceHostOptions, 'delivery'> = {},
): Promise<T> {
  openWorkspace(args.common.workspace, { create: false }).close();
  const host = createServiceHost({ workspacePath: args.common.workspace, log: () => {}, ...hostOptions });
  try {
    const client = createApiClient(inProcessTransport(host));
    const user = args.common.user ?? io.env.ATELIER_USER;
    if (!user) throw new UsageError('Indiquez le compte avec --user NOM (ou la variable ATELIER_USER).');
    const password = await io.readPassword();
    await client.call('session.signIn', { name: user, password });
    return await work(client, host, password);
  } finally {
    await host.close();
  }
}

export function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof UsageError) return { message: error.message, exitCode: 64 };
  if (error instanceof ApiError) return { message: errorMessage('fr', error.error), exitCode: 1 };
  if (error instanceof AppError) return { message: errorMessage('fr', error.toPayload()), exitCode: 1 };
  return { message: errorMessage('fr', { code: 'api.internal', params: {} }), exitCode: 70 };
}

// Each human line is one line: a line break inside a name cannot forge another.
export function printResult(io: CliIO, args: CliArgs, value: unknown, human: () => string[]): void {
  if (args.common.json) io.out(terminalJson(value));
  else for (const line of human()) io.out(terminalLine(line));
}
