// Editor settings per resource: `workspace/configuration` with the document's URI as scope (so a
// multi-root workspace gives each folder its own), cached until the client says they changed.
// Invalid values are announced once per setting and replaced by defaults.
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { parseSettings, defaultSettings, type EditorSettings, type SettingProblem } from '../config/settings';

interface Entry {
  settings: EditorSettings;
  raw: Record<string, unknown>;
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Entry>>();
  private readonly resolved = new Map<string, Entry>();
  private readonly warned = new Set<string>();
  /** For clients without workspace/configuration: the last pushed `losslens` section. */
  private global: Entry = { settings: defaultSettings(), raw: {} };

  constructor(
    private readonly connection: Connection,
    private readonly pullSupported: boolean,
    initial: unknown,
  ) {
    if (initial !== undefined && initial !== null) this.global = this.validate(initial);
  }

  async get(uri: string): Promise<EditorSettings> {
    return (await this.entry(uri)).settings;
  }

  async raw(uri: string): Promise<Record<string, unknown>> {
    return (await this.entry(uri)).raw;
  }

  /** Settings already known for `uri` without asking the client (for synchronous paths). */
  peek(uri: string): EditorSettings {
    return (this.resolved.get(uri) ?? this.global).settings;
  }

  /** Whether `peek(uri)` gives the settings for `uri` (not defaults standing in for unread ones). */
  known(uri: string): boolean {
    return !this.pullSupported || this.resolved.has(uri);
  }

  /** `workspace/didChangeConfiguration`: forget cached values; take pushed ones if given. */
  changed(pushed: unknown): void {
    this.cache.clear();
    this.resolved.clear();
    const section = pushed && typeof pushed === 'object' ? (pushed as Record<string, unknown>).losslens : undefined;
    if (section !== undefined && section !== null) this.global = this.validate(section);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.resolved.delete(uri);
  }

  private entry(uri: string): Promise<Entry> {
    if (!this.pullSupported) return Promise.resolve(this.global);
    let p = this.cache.get(uri);
    if (!p) {
      p = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'losslens' }).then(
        raw => {
          const e = this.validate(raw);
          this.resolved.set(uri, e);
          return e;
        },
        err => {
          this.connection.console.error(
            `LossLens: reading settings for ${uri} failed: ${err instanceof Error ? err.message : String(err)}`,
          );
          return this.global;
        },
      );
      this.cache.set(uri, p);
    }
    return p;
  }

  private validate(raw: unknown): Entry {
    const { settings, problems } = parseSettings(raw);
    for (const p of problems) this.warnOnce(p);
    const obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    return { settings, raw: obj };
  }

  private warnOnce(p: SettingProblem): void {
    const key = `${p.setting}\u0000${p.message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    const text = `LossLens: invalid value for setting "${p.setting}": ${p.message}. Using the default.`;
    this.connection.console.warn(text);
    // A notification, not window/showMessageRequest: there is nothing to answer.
    void this.connection
      .sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: text })
      .catch(() => undefined);
  }
}
