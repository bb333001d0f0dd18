/**
 * Sets inline style properties through the CSS object model, on first render as on updates.
 *
 * Lit's `styleMap` writes a `style` attribute on first render, which a host page's strict
 * `style-src 'self'` (no `'unsafe-inline'`) blocks; `element.style.setProperty` is not subject to
 * that directive (CSP 3, "style-src": only the `style` attribute and `<style>` elements are), so
 * progress bars keep their width under the strictest policy.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class StylePropsDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('styleProps goes in an element position');
  }

  render(_properties: Readonly<Record<string, string>>): typeof noChange {
    return noChange;
  }

  override update(
    part: ElementPart,
    [properties]: [Readonly<Record<string, string>>],
  ): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    return noChange;
  }
}

/** `<span ${styleProps({width: '40%'})}>`: CSS property names, as in a stylesheet. */
export const styleProps = directive(StylePropsDirective);
