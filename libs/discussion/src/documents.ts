import type { Action, Scope } from '@app/identity';
import type { TermsOfReferenceModel } from '@app/terms-of-reference';
import type { DocumentFacts } from './notifications/discussion-notices';

/** The access scope of a document: its initiative, and its group for a group's document. */
export const scopeOf = (tor: { initiativeId: string; workingGroupId: string | null }): Scope => ({
  initiativeId: tor.initiativeId,
  groupId: tor.workingGroupId,
});

/** Who may comment on and propose amendments to a document (OBSERVERs read only). */
export const commentActionOf = (tor: { workingGroupId: string | null }): Action =>
  tor.workingGroupId ? 'groupTor.comment' : 'initiativeTor.comment';

/** The facts a notice about a document carries. */
export const documentFacts = (tor: TermsOfReferenceModel): DocumentFacts => ({
  initiativeId: tor.initiativeId,
  workingGroupId: tor.workingGroupId,
  documentId: tor.id,
  documentTitle: tor.title,
  path: `terms/${tor.id}`,
});

/** What a NOT_FOUND calls a document. */
export const DOCUMENT = 'Terms of reference';
/** The refusal while a ballot is OPEN: the text is frozen while people vote on it. */
export const FROZEN = 'A ballot on these terms of reference is OPEN: the text is frozen while people vote on it';
