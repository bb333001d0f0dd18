/**
 * A feed's address as it is kept and fetched: absolute, with the host in the case URLs give it,
 * and without the fragment, which no server sees. `feed.json#E1` and `FEED.example/feed.json` are
 * then the same feed as `feed.example/feed.json`: one request, one stored copy, one subscription.
 * Throws, as `new URL` does, on what is not a URL.
 */
export function feedAddress(url: string, base?: string): string {
  const address = new URL(url, base);
  address.hash = '';
  return address.href;
}
