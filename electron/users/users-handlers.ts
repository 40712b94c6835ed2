import type { Handlers } from '../host/handler-context';
import { createUser, listUsers, resetPassword, setDisabled, setRole, unlockUser } from './user-store';

export const usersHandlers = {
  'users.list': (_input, { services }) => listUsers(services.db),
  'users.create': (input, { services, user }) => createUser(services.db, user.name, input),
  'users.disable': ({ userId }, { services, user }) => setDisabled(services.db, user, userId, true),
  'users.enable': ({ userId }, { services, user }) => setDisabled(services.db, user, userId, false),
  'users.setRole': ({ userId, role }, { services, user }) => setRole(services.db, user, userId, role),
  'users.resetPassword': ({ userId, password }, { services, user }) => resetPassword(services.db, user, userId, password),
  'users.unlock': ({ userId }, { services, user }) => unlockUser(services.db, user, userId),
} satisfies Partial<Handlers>;
