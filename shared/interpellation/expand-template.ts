import { TEMPLATE_FIELDS } from '../feed/formats.ts';

/** The variables a channel's URL template may use (spec: Interpellation, Channel `url`). */
export type TemplateVariable = (typeof TEMPLATE_FIELDS)[number];

/** Values for `expandTemplate`; an absent one expands to nothing. */
export type TemplateValues = { readonly [K in TemplateVariable]?: string };

const VARIABLE = new RegExp(`\\{(${TEMPLATE_FIELDS.join('|')})\\}`, 'g');

/**
 * RFC 6570 level-1 (simple string) expansion of `{id}`, `{title}`, `{plan}` and `{page}`: each
 * value is UTF-8 percent-encoded except the unreserved `A-Z a-z 0-9 - . _ ~`, so that feed text
 * cannot add a parameter, a fragment or a path to the publisher's form URL. Other expressions and
 * the rest of the template are left as they are. The caller checks that the result is a URL.
 */
export function expandTemplate(template: string, values: TemplateValues): string {
  return template.replace(VARIABLE, (_match, name: TemplateVariable) =>
    encodeUnreserved(values[name] ?? ''),
  );
}

/** Percent-encodes everything but RFC 3986 unreserved characters (RFC 6570 §3.2.2). */
export function encodeUnreserved(value: string): string {
  return encodeURIComponent(wellFormed(value)).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Replaces lone surrogates with U+FFFD, which `encodeURIComponent` would throw on (JSON can
 * carry them). `String.prototype.toWellFormed` does this but is too recent to rely on.
 */
export function wellFormed(value: string): string {
  return value.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}
