// @ts-check
/**
 * An ESLint rule of the web client: text that people read or hear must come from the translations
 * (t()), never be written in a component. Reports JSX text with a letter in it, and string values
 * with a letter of the attributes that name or describe an element.
 * (eslint-plugin-i18next's no-literal-string reports nothing in our .tsx files with ESLint 10.)
 */
const LETTER = /\p{L}/u;
const NAMING_ATTRIBUTES = new Set(['label', 'title', 'alt', 'placeholder', 'aria-label', 'description', 'error', 'aria-description']);

/** @type {import('eslint').Rule.RuleModule} */
export const noUntranslatedText = {
  meta: {
    type: 'problem',
    docs: { description: 'user-visible text must come from the translations' },
    messages: { literal: 'Untranslated text "{{text}}": add it to the feature\'s messages and use t().' },
    schema: [],
  },
  create(context) {
    return {
      /** @param {any} node */
      JSXText(node) {
        const text = String(node.value).trim();
        if (LETTER.test(text)) context.report({ node, messageId: 'literal', data: { text } });
      },
      /** @param {any} node */
      JSXAttribute(node) {
        const name = node.name && node.name.name;
        const value = node.value;
        if (!NAMING_ATTRIBUTES.has(name) || !value) return;
        const literal = value.type === 'Literal' ? value : value.type === 'JSXExpressionContainer' && value.expression.type === 'Literal' ? value.expression : null;
        if (literal && typeof literal.value === 'string' && LETTER.test(literal.value)) {
          context.report({ node: literal, messageId: 'literal', data: { text: literal.value } });
        }
      },
    };
  },
};
