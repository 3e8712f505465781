// FileHost for the Web Worker: it has no file system, so the client reads with vscode.workspace.fs.
import type { Connection } from 'vscode-languageserver';
import type { FileHost } from '../workspace/host';
import { readFileRequest, type ReadFileParams } from '../../../shared/src/protocol';

export function createClientFileHost(connection: Connection): FileHost {
  return {
    async readFile(uri: string): Promise<string | undefined> {
      try {
        const params: ReadFileParams = { uri };
        const r = await connection.sendRequest(readFileRequest, params);
        return r?.text ?? undefined;
      } catch {
        return undefined;
      }
    },
  };
}
