// Browser entry (web extension host, vscode.dev): runs dist/web/server.js as a dedicated Web Worker.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { activateClient, type LossLensApi } from '../common/activate';
import { clientId, clientName } from '../common/client-options';

export function activate(context: vscode.ExtensionContext): Promise<LossLensApi> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  let worker: Worker | undefined;
  // A function, not a Worker: every (re)start gets a fresh worker. It returns the transports itself
  // because the extension host's Worker is VS Code's wrapper, so the client's `instanceof Worker`
  // test fails for it.
  const startWorker = async (): Promise<MessageTransports> => {
    worker = new Worker(serverMain.toString(true));
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  return activateClient(context, {
    schemes: undefined,
    createClient: options => new LanguageClient(clientId, clientName, startWorker, options),
    afterStop: () => {
      worker?.terminate();
      worker = undefined;
    },
  });
}

export function deactivate(): void {
  // The client is disposed through context.subscriptions.
}
