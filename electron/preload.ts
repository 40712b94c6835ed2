import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// The page gets exactly two functions; everything else stays in the main process.
contextBridge.exposeInMainWorld('atelier', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke('api:invoke', method, input),
  onEvent: (listener: (event: unknown) => void) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on('api:event', wrapped);
    return () => {
      ipcRenderer.removeListener('api:event', wrapped);
    };
  },
});
