import DOMPurify from 'dompurify';
import { marked } from 'marked';

// An image without a text alternative is decoration for screen readers (axe: image-alt).
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'IMG' && !node.hasAttribute('alt')) node.setAttribute('alt', '');
});

/**
 * Markdown to HTML that is safe to insert: no scripts, handlers, iframes or javascript: links.
 * `topHeading` is the level a "# " heading becomes, so that a document shown under the page's h2
 * keeps the page's one h1 (levels below it shift alike, h6 at most).
 */
export function renderMarkdown(body: string, topHeading = 1): string {
  const html = DOMPurify.sanitize(marked.parse(body, { async: false, gfm: true }), { USE_PROFILES: { html: true } });
  // Sanitised markup escapes every "<" of text, so each "<h" here is a tag.
  return topHeading === 1
    ? html
    : html.replace(
        /<(\/?)h([1-6])\b/g,
        (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + topHeading - 1)}`,
      );
}
