import { acceptanceProblem } from './acceptance';

const v2 = 'v2';
const a = (id: string, paragraph: number, status = 'PROPOSED', baseVersionId = v2) => ({ id, paragraph, status, baseVersionId });

describe('acceptanceProblem', () => {
  it('accepts distinct paragraphs of the current version', () => {
    expect(acceptanceProblem([a('x', 1), a('y', 3)], v2)).toBeNull();
  });

  it('refuses one proposed against an older version', () => {
    expect(acceptanceProblem([a('x', 1), a('y', 3, 'PROPOSED', 'v1')], v2)).toBe(
      'Amendment y was proposed against an older version',
    );
  });

  it('refuses two that touch the same paragraph', () => {
    expect(acceptanceProblem([a('x', 2), a('y', 2)], v2)).toBe('Amendments x and y both change paragraph 2');
  });

  it('refuses one already resolved', () => {
    expect(acceptanceProblem([a('x', 2, 'WITHDRAWN')], v2)).toBe('Amendment x is WITHDRAWN, not PROPOSED');
  });
});
