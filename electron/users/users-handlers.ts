import type { Handlers } from '../host/handler-context';
import { createUser, listUsers, setDisabled } from './user-store';

export const usersHandlers = {
  'users.list': (_input, { services }) => listUsers(services.db),
  'users.create': (input, { services, user }) => createUser(services.db, user.name, input),
  'users.disable': ({ userId }, { services, user }) => setDisabled(services.db, user, userId, true),
  'users.enable': ({ userId }, { services, user }) => setDisabled(services.db, user, userId, false),
} satisfies Partial<Handlers>;
