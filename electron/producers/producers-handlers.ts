import type { Handlers } from '../host/handler-context';
import { searchCog } from './cog';
import { createProducer, importFromCog, listMembers, listProducers, removeMember, setMember } from './producer-store';

export const producersHandlers = {
  'producers.list': (_input, { services, user }) => listProducers(services.db, user),
  'producers.create': (input, { services, user }) => createProducer(services.db, user, input),
  'producers.searchCog': ({ query }) => searchCog(query),
  'producers.importFromCog': ({ siren }, { services, user }) => importFromCog(services.db, user, siren),
  'producers.members': ({ producerId }, { services }) => listMembers(services.db, producerId),
  'producers.setMember': ({ producerId, userId, role }, { services, user }) => setMember(services.db, user, producerId, userId, role),
  'producers.removeMember': ({ producerId, userId }, { services, user }) => removeMember(services.db, user, producerId, userId),
} satisfies Partial<Handlers>;
