// Desktop / any-editor entry: `node dist/server.js --stdio` (or --node-ipc, --socket=N, chosen by
// vscode-languageserver from argv).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { readFileRequest } from '../../../shared/src/protocol';
import { createFsFileHost } from './fs-host';
import { loadNodeFrontEnds } from './front-ends';
import { packageVersion } from './version';
import { FramingGuard } from './framing-guard';

const connection = process.argv.includes('--stdio') ? guardedStdioConnection() : createConnection(ProposedFeatures.all);

/**
 * stdio with the framing checked first (framing-guard.ts): a framing error exits with status 1, so
 * the client restarts the server instead of talking to a deaf one.
 */
function guardedStdioConnection() {
  const guard = new FramingGuard();
  guard.on('error', e => {
    process.stderr.write(`LossLens: malformed LSP message, exiting: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
  process.stdin.pipe(guard);
  const conn = createConnection(ProposedFeatures.all, guard, process.stdout);
  // What vscode-languageserver does for --stdio: stdout is the protocol, so console output is logged.
  console.log = (...a: unknown[]) => conn.console.log(a.map(String).join(' '));
  console.info = (...a: unknown[]) => conn.console.info(a.map(String).join(' '));
  console.warn = (...a: unknown[]) => conn.console.warn(a.map(String).join(' '));
  console.error = (...a: unknown[]) => conn.console.error(a.map(String).join(' '));
  return conn;
}

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
