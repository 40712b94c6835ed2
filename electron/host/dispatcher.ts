import { isMethodName, methods, type Access, type Reply, type Role } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Handler, Handlers, Services, Session, SignedInUser } from './handler-context';

const roleRank: Record<Role, number> = { agent: 1, reviewer: 2, admin: 3 };

export function roleAllows(userRole: Role, access: Access): boolean {
  return access === 'public' || roleRank[userRole] >= roleRank[access];
}

export type Dispatch = (session: Session, method: string, input: unknown) => Promise<Reply>;

// The one door: every transport calls this. Unknown method, missing user, role too low and
// invalid input are refused before the handler runs; the output is checked on the way out.
export interface DispatcherOptions {
  log: (error: unknown) => void;
  // Reads the session's user again from the workspace (disabled, role changed).
  resolveUser: (session: Session) => SignedInUser | null;
}

export function createDispatcher(handlers: Handlers, services: Services, { log, resolveUser }: DispatcherOptions): Dispatch {
  return async (session, method, input) => {
    try {
      if (!isMethodName(method)) throw new AppError('api.unknown_method', { method });
      const spec = methods[method];
      const user = resolveUser(session);
      if (spec.access !== 'public') {
        if (!user) throw new AppError('auth.not_signed_in');
        if (!roleAllows(user.role, spec.access)) {
          throw new AppError('auth.role_too_low', { required: spec.access, actual: user.role });
        }
        if (user.mustChangePassword && !('beforePasswordChange' in spec)) throw new AppError('auth.password_change_required');
      }
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError('api.invalid_input', { method, field: issue ? issue.path.join('.') : '' });
      }
      const handler = handlers[method] as Handler<typeof method>;
      const value = await handler(parsed.data as never, { services, session, user: user! });
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log(checked.error);
        throw new AppError('api.invalid_output', { method });
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toPayload() };
      log(error);
      return { ok: false, error: { code: 'api.internal', params: {} } };
    }
  };
}
