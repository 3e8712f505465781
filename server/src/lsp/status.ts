// `losslens/status` for the client's status bar; only changes are sent.
import type { Connection } from 'vscode-languageserver';
import { statusNotification, type ServerState, type StatusParams } from '../../../shared/src/protocol';

export class StatusReporter {
  private last = '';

  constructor(private readonly connection: Connection) {}

  set(state: ServerState, message?: string): void {
    const params: StatusParams = message === undefined ? { state } : { state, message };
    const key = JSON.stringify(params);
    if (key === this.last) return;
    this.last = key;
    void this.connection.sendNotification(statusNotification, params).catch(() => undefined);
  }
}
