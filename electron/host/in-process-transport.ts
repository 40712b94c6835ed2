import type { Transport } from '../../shared/api-client';
import type { ServiceHost } from './service-host';

// A client in the same process (tests, CLI): one session of its own on the host.
export function inProcessTransport(host: ServiceHost): Transport {
  const session = host.newSession();
  return {
    // Through JSON like the other transports, so a test sees exactly what a page would.
    invoke: async (method, input) => JSON.parse(JSON.stringify(await host.dispatch(session, method, input))),
    onEvent: (listener) => host.onEvent(listener),
  };
}
