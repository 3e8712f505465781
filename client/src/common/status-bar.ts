import * as vscode from 'vscode';
import type { ServerState } from '../../../shared/src/protocol';

export type DisplayedState = 'starting' | 'stopped' | ServerState;

const looks: Record<DisplayedState, { icon: string; label: string; background?: string }> = {
  starting: { icon: '$(sync~spin)', label: 'starting' },
  ready: { icon: '$(check)', label: 'ready' },
  busy: { icon: '$(loading~spin)', label: 'analyzing' },
  error: { icon: '$(error)', label: 'error', background: 'statusBarItem.errorBackground' },
  stopped: { icon: '$(circle-slash)', label: 'stopped', background: 'statusBarItem.warningBackground' },
};

/** One status bar item that mirrors the server's state; clicking it opens the LossLens output. */
export class ServerStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private current: DisplayedState = 'starting';

  constructor(showOutputCommand: string) {
    this.item = vscode.window.createStatusBarItem('losslens.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'LossLens';
    this.item.command = showOutputCommand;
    this.show('starting');
    this.item.show();
  }

  get state(): DisplayedState {
    return this.current;
  }

  show(state: DisplayedState, message?: string): void {
    const look = looks[state];
    this.current = state;
    this.item.text = `${look.icon} LossLens`;
    this.item.tooltip = `LossLens: ${message ?? look.label} (click to show the output)`;
    this.item.backgroundColor = look.background ? new vscode.ThemeColor(look.background) : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
