import { useEffect } from 'preact/hooks';

/**
 * Loads a page's data when it is drawn and again each time its tab is shown: something followed,
 * kept or subscribed to elsewhere (the popup, a page's panel, a notification) meanwhile is then
 * listed, rather than the page as it was.
 */
export function useLoadOnShow(model: { load(): Promise<void> }): void {
  useEffect(() => {
    void model.load();
    const back = () => document.visibilityState === 'visible' && void model.load();
    document.addEventListener('visibilitychange', back);
    return () => document.removeEventListener('visibilitychange', back);
  }, [model]);
}
