import type { Transport } from '../../../shared/api-client';
import { startHttpHost, type HttpHost } from '../../../electron/host/http-host';
import { inProcessTransport } from '../../../electron/host/in-process-transport';
import type { ServiceHost } from '../../../electron/host/service-host';
import { createHttpTransport, type HttpTransport } from '../../../renderer/http-transport';

// The transports the contract suite runs over. Each `connect()` is a new client with a
// session of its own, like a new window or page.
export interface Connector {
  connect(): Transport;
  close(): Promise<void>;
}

export const transportKinds: { name: string; open: (host: ServiceHost) => Promise<Connector> }[] = [
  {
    name: 'in-process',
    open: async (host) => ({ connect: () => inProcessTransport(host), close: async () => {} }),
  },
  {
    name: 'HTTP',
    open: async (host) => {
      const http: HttpHost = await startHttpHost({ host });
      const opened: HttpTransport[] = [];
      return {
        connect() {
          const transport = createHttpTransport({ baseUrl: http.origin, token: http.token });
          opened.push(transport);
          return transport;
        },
        async close() {
          for (const transport of opened) transport.close();
          await http.close();
        },
      };
    },
  },
];
