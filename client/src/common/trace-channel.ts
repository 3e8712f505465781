import * as vscode from 'vscode';

type TraceSetting = 'off' | 'messages' | 'verbose';

/**
 * vscode-languageclient 11 traces only when its trace channel is at log level Trace, and then
 * writes with `.trace()`, which the "LossLens" channel hides at its default Info level. This view
 * of the same channel makes `losslens.trace.server` alone decide: while the setting is not "off"
 * it reports level Trace and prints trace lines as info lines, so they show without touching the
 * channel's log level.
 */
export function traceChannelFor(output: vscode.LogOutputChannel, section: string): vscode.LogOutputChannel & vscode.Disposable {
  const changed = new vscode.EventEmitter<vscode.LogLevel>();
  const setting = (): TraceSetting => vscode.workspace.getConfiguration(section).get<TraceSetting>('trace.server', 'off');
  const level = (): vscode.LogLevel => (setting() === 'off' ? output.logLevel : vscode.LogLevel.Trace);
  const listeners = [
    vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration(`${section}.trace.server`)) changed.fire(level());
    }),
    output.onDidChangeLogLevel(() => changed.fire(level())),
  ];
  return {
    get name() {
      return output.name;
    },
    get logLevel() {
      return level();
    },
    onDidChangeLogLevel: changed.event,
    trace: (message, ...args) => (setting() === 'off' ? output.trace(message, ...args) : output.info(message, ...args)),
    debug: (message, ...args) => output.debug(message, ...args),
    info: (message, ...args) => output.info(message, ...args),
    warn: (message, ...args) => output.warn(message, ...args),
    error: (error, ...args) => output.error(error, ...args),
    append: value => output.append(value),
    appendLine: value => output.appendLine(value),
    replace: value => output.replace(value),
    clear: () => output.clear(),
    show: (preserveFocus?: boolean) => output.show(preserveFocus),
    hide: () => output.hide(),
    dispose: () => {
      for (const l of listeners) l.dispose();
      changed.dispose();
    },
  } as vscode.LogOutputChannel & vscode.Disposable;
}
