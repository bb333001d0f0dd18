/**
 * The shape of a content-script feature: what pages it applies to, and an `init` that sets it up
 * and tears everything down when its signal aborts (navigation in a single-page app, the
 * extension reloaded, a second injection).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { DateString, Lang } from '../../shared/index.ts';
import type { PageFeed } from '../messaging/protocol.ts';

/** What a feature knows about the page it runs on. */
export interface PageContext {
  readonly ctx: ContentScriptContext;
  readonly url: string;
  readonly lang: Lang;
  readonly today: DateString;
  /** The feeds that name this URL, as the background matched them. */
  readonly feeds: readonly PageFeed[];
  /** Stops every feature on this page (the person hid the extension on this site). */
  readonly stop: () => void;
  /**
   * Stops every other feature on this page at once, or with `paused` false starts them again from
   * scratch: the person hid the extension on this site and can still undo it.
   */
  readonly pauseOthers: (paused: boolean) => void;
}

/** One content-script feature, in its own file under content/features/. */
export interface Feature {
  /** The file's name, for the registry test. */
  readonly id: string;
  /** Whether the feature has anything to do on this page. */
  appliesTo(page: PageContext): boolean;
  /** Sets the feature up; everything it adds goes away when `signal` aborts. */
  init(signal: AbortSignal, page: PageContext): void | Promise<void>;
}
