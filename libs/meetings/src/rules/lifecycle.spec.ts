import { MeetingStatus as S } from '../graphql-enums';
import { decisionNumber, inviteesFixed, isEditable, mayTransition, statesBefore } from './lifecycle';

describe('meeting lifecycle', () => {
  const all = Object.values(S);
  const allowed = new Set([
    'DRAFT>ANNOUNCED',
    'DRAFT>CANCELLED',
    'ANNOUNCED>IN_PROGRESS',
    'ANNOUNCED>CANCELLED',
    'IN_PROGRESS>CLOSED',
  ]);

  it.each(all.flatMap((from) => all.map((to) => [from, to] as const)))('%s -> %s', (from, to) => {
    expect(mayTransition(from, to)).toBe(allowed.has(`${from}>${to}`));
  });

  it('knows where each transition starts and what stays editable', () => {
    expect(statesBefore(S.CANCELLED)).toEqual([S.DRAFT, S.ANNOUNCED]);
    expect(all.filter(isEditable)).toEqual([S.DRAFT, S.ANNOUNCED, S.IN_PROGRESS]);
    expect(all.filter(inviteesFixed)).toEqual([S.IN_PROGRESS, S.CLOSED, S.CANCELLED]);
  });

  it('numbers decisions <SLUG>-<meeting>/<n>', () => {
    expect(decisionNumber('u4ssc', 1, 2)).toBe('U4SSC-1/2');
  });
});
