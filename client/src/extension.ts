// Desktop entry (Node extension host): runs dist/server.js in a child process over IPC.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateClient, type LossLensApi } from './common/activate';
import { clientId, clientName } from './common/client-options';

export function activate(context: vscode.ExtensionContext): Promise<LossLensApi> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    // "Attach to Server" in .vscode/launch.json connects to this port.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  return activateClient(context, {
    schemes: ['file', 'untitled'],
    createClient: options => new LanguageClient(clientId, clientName, serverOptions, options),
  });
}

export function deactivate(): void {
  // The client is disposed through context.subscriptions.
}
