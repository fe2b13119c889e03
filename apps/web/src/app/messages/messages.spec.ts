import { LANGUAGES, resources } from './namespaces';

type Tree = { [key: string]: string | Tree };

/** Every key path of a message tree, e.g. `nav.home`, with its value. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** {{placeholders}} of a message: a translation must keep every one (in any order). */
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('the web client translations', () => {
  const english = resources.en as unknown as Record<string, Tree>;

  it.each(LANGUAGES.filter((language) => language !== 'en'))(
    '%s has every namespace and key of English, and no other',
    (language) => {
      const other = resources[language] as unknown as Record<string, Tree>;
      expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
      for (const namespace of Object.keys(english)) {
        const en = leaves(english[namespace]);
        const translated = leaves(other[namespace]);
        expect({ namespace, keys: [...translated.keys()].sort() }).toEqual({ namespace, keys: [...en.keys()].sort() });
        for (const [key, text] of en) {
          expect({ key: `${namespace}:${key}`, empty: translated.get(key)?.trim() === '' }).toEqual({
            key: `${namespace}:${key}`,
            empty: false,
          });
          expect({ key: `${namespace}:${key}`, placeholders: placeholders(translated.get(key) ?? '') }).toEqual({
            key: `${namespace}:${key}`,
            placeholders: placeholders(text),
          });
        }
      }
    },
  );

  it('has no empty English message', () => {
    for (const namespace of Object.keys(english)) {
      for (const [key, text] of leaves(english[namespace]))
        expect({ key: `${namespace}:${key}`, text: text.trim() !== '' }).toEqual({ key: `${namespace}:${key}`, text: true });
    }
  });
});
