// Custom LSP messages between the LossLens client and server: one definition, owned by the server
// (server/src/lsp/protocol.ts), so the two sides cannot drift apart.
export {
  statusNotification, readFileRequest,
  type ServerState, type StatusParams, type ReadFileParams, type ReadFileResult, type InitializationOptions,
} from '../../../server/src/lsp/protocol';
