/**
 * The bundled directory: feeds the extension knows from its first run, each with a packaged
 * snapshot so that it works offline and before any subscription. A snapshot is untrusted input
 * like any feed: it goes through `parseFeed` before use.
 */
import fr20182020 from '../../shared/feeds/fr-2018-2020.json';
import fr20212023 from '../../shared/feeds/fr-2021-2023.json';
import paris from '../../shared/feeds/paris.json';
import valfleurie from '../../shared/feeds/valfleurie.json';

/** One feed of the bundled directory. */
export interface DirectoryEntry {
  /** Stable identifier; the feed's id in the extension is `bundled:<id>`. */
  readonly id: string;
  readonly name: { readonly fr: string; readonly en: string };
  readonly publisher: { readonly fr: string; readonly en: string };
  /**
   * Where the publisher serves the live feed, refreshed like a subscription. Absent when only
   * the packaged snapshot exists (it then changes with extension updates).
   */
  readonly feedUrl?: string;
  /** The packaged copy, as JSON text's parsed value (unvalidated). */
  readonly snapshot: unknown;
  /** Fictional: shown for demonstration, labelled as such by the pages (not in `name`). */
  readonly fictional?: boolean;
}

/** The feeds bundled with the extension. */
export const directory: readonly DirectoryEntry[] = [
  {
    id: 'fr-2021-2023',
    name: {
      fr: 'Plan d’action national pour un gouvernement ouvert 2021-2023',
      en: 'France Action Plan 2021-2023',
    },
    publisher: { fr: 'France', en: 'France' },
    snapshot: fr20212023,
  },
  {
    id: 'fr-2018-2020',
    name: {
      fr: 'Plan d’action national pour un gouvernement ouvert 2018-2020',
      en: 'France Action Plan 2018-2020',
    },
    publisher: { fr: 'France', en: 'France' },
    snapshot: fr20182020,
  },
  {
    id: 'paris',
    name: { fr: 'Paris, membre OGP Local', en: 'Paris, OGP Local member' },
    publisher: { fr: 'Ville de Paris', en: 'City of Paris' },
    snapshot: paris,
  },
  {
    id: 'valfleurie',
    name: { fr: 'Commune de Valfleurie', en: 'Town of Valfleurie' },
    publisher: { fr: 'Commune de Valfleurie', en: 'Town of Valfleurie' },
    snapshot: valfleurie,
    fictional: true,
  },
];

/** The extension's id for a bundled feed. */
export function bundledFeedId(entry: DirectoryEntry): string {
  return `bundled:${entry.id}`;
}

/** The directory entry behind a feed id, if it is a bundled one. */
export function directoryEntry(feedId: string): DirectoryEntry | undefined {
  return directory.find((entry) => bundledFeedId(entry) === feedId);
}

function stringsAt(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Every match pattern a snapshot names (its `site` and its commitments' `pages`), read without
 * validation: used at build time for `host_permissions`, where only the hosts matter.
 */
export function snapshotPatterns(snapshot: unknown): string[] {
  if (typeof snapshot !== 'object' || snapshot === null) return [];
  const feed = snapshot as { site?: unknown; commitments?: unknown };
  const patterns = stringsAt(feed.site);
  if (Array.isArray(feed.commitments)) {
    for (const c of feed.commitments) {
      if (typeof c === 'object' && c !== null)
        patterns.push(...stringsAt((c as { pages?: unknown }).pages));
    }
  }
  return patterns;
}
