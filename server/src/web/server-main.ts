// Web Worker entry (vscode.dev): the same server over postMessage.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/server';
import { createClientFileHost } from './client-host';
import { loadWebFrontEnds } from './front-ends';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const scope = globalThis as any;
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope));

startServer(connection, {
  createFileHost: conn => createClientFileHost(conn),
  loadFrontEnds: (params, log) => loadWebFrontEnds(params, log),
});
