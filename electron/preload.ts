/**
 * The narrow bridge: the renderer gets `window.kartoteka.invoke(channel, input)` and nothing
 * else. Runs sandboxed, so it may import only `electron`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_INVOKE } from './ipc';

contextBridge.exposeInMainWorld('kartoteka', {
  invoke: (channel: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke(IPC_INVOKE, channel, input),
});
