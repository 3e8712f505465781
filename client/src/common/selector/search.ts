// The flat "search all losses" mode: what each loss can be found by, and a ranking that mirrors what
// the QuickPick shows (every typed word must occur in the title, the names or the one-line summary).
import { catalog, type CatalogEntry, type LossId } from '../../../../core/src/knowledge';

export interface SearchText {
  /** Shown next to the title: the id and the framework names, e.g. `klDiv · nn.KLDivLoss · keras.losses.KLDivergence`. */
  description: string;
}

/** Names without call syntax: `nn.CrossEntropyLoss(label_smoothing=…)` → `nn.CrossEntropyLoss`. */
function bareName(name: string): string {
  return name.replace(/\(.*$/, '');
}

function allNames(entry: CatalogEntry): string[] {
  const names: string[] = [];
  for (const list of [entry.names.torch, entry.names.keras, entry.names.tfjs]) {
    for (const n of list ?? []) {
      const bare = bareName(n);
      if (!names.includes(bare)) names.push(bare);
    }
  }
  return names;
}

export function searchText(entry: CatalogEntry): SearchText {
  return { description: [entry.id, ...allNames(entry).slice(0, 4)].join(' · ') };
}

/** Word starts of an identifier or title: `klDiv` → kl, div; `nn.KLDivLoss` → nn, kl, div, loss. */
function wordStarts(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export interface SearchHit {
  lossId: LossId;
  score: number;
}

/**
 * Losses matching every word of `query`, best first: a framework name typed in full scores highest,
 * then a word that starts the id, a word of the title or a name, a plain substring of those less, a hit in the one-line summary least.
 */
export function searchLosses(query: string, entries: readonly CatalogEntry[] = catalog): SearchHit[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries.map(e => ({ lossId: e.id, score: 0 }));
  const hits: SearchHit[] = [];
  for (const e of entries) {
    const primary = `${e.title} ${searchText(e).description}`;
    const starts = wordStarts(primary);
    const lowerPrimary = primary.toLowerCase();
    const summary = e.whenToUse.toLowerCase();
    const lastSegments = allNames(e).map(n => n.slice(n.lastIndexOf('.') + 1).toLowerCase());
    let score = 0;
    let all = true;
    for (const w of words) {
      if (lastSegments.includes(w)) score += 5;
      else if (e.id.toLowerCase().startsWith(w)) score += 4;
      else if (starts.some(s => s.startsWith(w))) score += 3;
      else if (lowerPrimary.includes(w)) score += 2;
      else if (summary.includes(w)) score += 1;
      else {
        all = false;
        break;
      }
    }
    if (all) hits.push({ lossId: e.id, score });
  }
  // Stable sort keeps the catalog's order (common losses first) among equal scores.
  return hits.sort((a, b) => b.score - a.score);
}
