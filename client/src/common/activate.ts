import * as vscode from 'vscode';
import { State, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import { COMMANDS } from '../../../shared/src/commands';
import { clientOptions } from './client-options';
import { readFileRequest, statusNotification, type ReadFileParams, type StatusParams } from '../../../shared/src/protocol';
import { readFileForServer } from './read-file';
import { ServerStatusBar, type DisplayedState } from './status-bar';
import { traceChannelFor } from './trace-channel';
import { registerLossExplorer } from './explorer/register';
import { registerLossLensCommands } from './commands/register';

/** What differs between the desktop and the web build: how the server runs and which schemes to serve. */
export interface ServerLauncher {
  /** `undefined` = every scheme (vscode.dev). */
  readonly schemes: readonly string[] | undefined;
  createClient(options: LanguageClientOptions): BaseLanguageClient;
  /** Called after the client stopped, before it starts again (the web build ends its worker here). */
  afterStop?(): void;
}

/** Returned from `activate`: lets tests and other extensions see the server's state. */
export interface LossLensApi {
  readonly serverState: DisplayedState;
  restartServer(): Promise<void>;
}

export async function activateClient(context: vscode.ExtensionContext, launcher: ServerLauncher): Promise<LossLensApi> {
  const output = vscode.window.createOutputChannel('LossLens', { log: true });
  const trace = traceChannelFor(output, 'losslens');
  const status = new ServerStatusBar(COMMANDS.showOutput);
  context.subscriptions.push(output, trace, status);
  registerLossExplorer(context, { log: output });

  const client = launcher.createClient(clientOptions(context, output, trace, launcher.schemes));
  registerLossLensCommands(context, { client, log: output });
  client.onNotification(statusNotification, (params: StatusParams) => status.show(params.state, params.message));
  client.onRequest(readFileRequest, (params: ReadFileParams) => readFileForServer(params));
  context.subscriptions.push(
    client.onDidChangeState(e => {
      if (e.newState === State.Starting) status.show('starting');
      // The server refines this with losslens/status once it has loaded its parsers.
      else if (e.newState === State.Running && status.state === 'starting') status.show('ready');
      else if (e.newState === State.Stopped && status.state !== 'error') status.show('stopped');
    }),
  );

  async function start(): Promise<void> {
    try {
      await client.start();
    } catch (err) {
      status.show('error', `the server did not start: ${errorText(err)}`);
      output.error(`the server did not start: ${errorText(err)}`);
    }
  }

  async function restart(): Promise<void> {
    output.info('restarting the server');
    status.show('starting');
    try {
      if (client.needsStop()) await client.stop();
    } catch (err) {
      output.warn(`stopping the server failed: ${errorText(err)}`);
    }
    launcher.afterStop?.();
    await start();
  }

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.restartServer, restart),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
    { dispose: () => void client.dispose() },
  );

  await start();
  return {
    get serverState() {
      return status.state;
    },
    restartServer: restart,
  };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
