/**
 * The dark side of the `dsfr` theme. A site of the French State design system (DSFR) turns dark by
 * `data-fr-theme="dark"` on `<html>`, which the system's script sets after the reader's choice
 * (`data-fr-scheme`: light, dark or that of the system). A shadow root's styles cannot see the
 * page's root element: a custom state, `fr-dark`, carries it to them (`:host(:state(fr-dark))`).
 */

/** Each component's custom states (its internals are attached once), and its observer if any. */
const followed = new WeakMap<
  HTMLElement,
  { states: CustomStateSet | undefined; observer?: MutationObserver }
>();

/**
 * Keeps the `fr-dark` state of `host` to the page's DSFR theme while `host` is in a document with
 * `theme="dsfr"`, observing `<html>` only then. To be called again when `host` is connected or
 * disconnected and when its theme changes. Without custom states (browsers before 2024) the
 * element keeps the light look of the system.
 */
export function followFrTheme(host: HTMLElement): void {
  let kept = followed.get(host);
  // Optional: browsers before 2023, and the DOM of the unit tests, have no element internals.
  if (!kept) followed.set(host, (kept = { states: host.attachInternals?.().states }));
  kept.observer?.disconnect();
  const { states } = kept;
  if (!states || !host.isConnected || host.getAttribute('theme') !== 'dsfr') return;
  const root = document.documentElement;
  const sync = () => {
    if (root.getAttribute('data-fr-theme') === 'dark') states.add('fr-dark');
    else states.delete('fr-dark');
  };
  sync();
  kept.observer = new MutationObserver(sync);
  kept.observer.observe(root, { attributeFilter: ['data-fr-theme'] });
}
