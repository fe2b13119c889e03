import { applyParagraphChanges, paragraphsOf } from './paragraphs';

describe('paragraphsOf', () => {
  it('splits on blank lines, including lines of spaces, and keeps single line breaks', () => {
    expect(paragraphsOf('Purpose\nline two\n\n  \nMembership\n\n\n\nStructure\n')).toEqual([
      'Purpose\nline two',
      'Membership',
      'Structure',
    ]);
  });

  it('reads Windows line ends and ignores leading and trailing blank lines', () => {
    expect(paragraphsOf('\r\n\r\nOne\r\n\r\nTwo\r\n')).toEqual(['One', 'Two']);
  });
});

describe('applyParagraphChanges', () => {
  const text = 'One\n\nTwo\n\nThree\n';

  it('replaces and deletes several paragraphs at once', () => {
    expect(
      applyParagraphChanges(text, [
        { paragraph: 3, text: 'Third, amended' },
        { paragraph: 1, text: '' },
      ]),
    ).toBe('Two\n\nThird, amended\n');
  });

  it('keeps a replacement that itself holds two paragraphs', () => {
    expect(applyParagraphChanges(text, [{ paragraph: 2, text: 'Two a\n\nTwo b' }])).toBe('One\n\nTwo a\n\nTwo b\n\nThree\n');
  });
});
