// Desktop / any-editor entry: `node dist/server.js --stdio` (or --node-ipc, --socket=N, chosen by
// vscode-languageserver from argv).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { readFileRequest } from '../../../shared/src/protocol';
import { createFsFileHost } from './fs-host';
import { loadNodeFrontEnds } from './front-ends';
import { packageVersion } from './version';

const connection = createConnection(ProposedFeatures.all);

// The server must outlive a bug: log it instead of exiting.
process.on('uncaughtException', e => connection.console.error(`LossLens: uncaught ${e.stack ?? e}`));
process.on('unhandledRejection', e =>
  connection.console.error(`LossLens: unhandled rejection ${e instanceof Error ? e.stack : String(e)}`),
);

startServer(connection, {
  version: packageVersion(),
  // Files under other schemes (e.g. a remote) are read by the client, like in the web build.
  createFileHost: conn =>
    createFsFileHost({
      readFile: async uri => {
        try {
          const r = await conn.sendRequest(readFileRequest, { uri });
          return r?.text;
        } catch {
          return undefined;
        }
      },
    }),
  loadFrontEnds: (_params, log) => loadNodeFrontEnds(log, true),
});
