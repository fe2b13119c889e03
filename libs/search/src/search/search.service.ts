import { Injectable } from '@nestjs/common';
import { AccessPolicy, allows } from '@app/identity';
import { type Caller, type ConnectionShape, InvalidInputError, isUuid, pageRequest, toConnection } from '@app/platform';
import { MembershipsReader } from '@app/structure';
import { searchKey } from './search-cursor';
import type { SearchHitKind, SearchHitModel } from './search-hit.model';
import { type SearchHitRow, SearchRepository } from './search.repository';

/** The policy needs a uuid; a malformed id simply belongs to no initiative (NOT_FOUND). */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** Longest query text; longer is BAD_USER_INPUT (a query is words and codes, not a document). */
export const MAX_SEARCH_QUERY_LENGTH = 500;
/** Page size when the client gives none (the contract's default). */
export const DEFAULT_SEARCH_PAGE = 20;

/**
 * Full-text search over what the caller may read in one initiative. Any member may search
 * (`initiative.read`; an outsider gets NOT_FOUND for the initiative, as every initiative-scoped
 * query answers outsiders); within it, DRAFT meetings and their agendas only for those the policy
 * lets read them (`meeting.schedule`: SECRETARIAT, and CHAIR or VICE_CHAIR of the meeting's group),
 * exactly as `Initiative.meetings` and `Query.meeting` decide. At most three statements: the
 * caller's roles (often remembered), the groups they chair (not for SECRETARIAT), the page.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly memberships: MembershipsReader,
    private readonly search: SearchRepository,
  ) {}

  async searchInitiative(
    caller: Caller | null,
    initiativeId: string,
    query: string,
    kinds: SearchHitKind[] | null,
    first: number | null,
    after: string | null,
  ): Promise<ConnectionShape<SearchHitModel>> {
    const roles = await this.access.authorize(
      caller,
      'initiative.read',
      { initiativeId: isUuid(initiativeId) ? initiativeId : NIL_UUID },
      { kind: 'Initiative', id: initiativeId },
    );
    const text = query.trim();
    if (text.length === 0) throw InvalidInputError.field('query', 'must not be empty');
    if (text.length > MAX_SEARCH_QUERY_LENGTH) {
      throw InvalidInputError.field('query', `must be at most ${MAX_SEARCH_QUERY_LENGTH} characters`);
    }
    const page = pageRequest(first, after, DEFAULT_SEARCH_PAGE);
    const afterKey = searchKey(page.after);

    const allDrafts = allows('meeting.schedule', { initiative: roles.initiative, group: null });
    const chairedGroupIds = allDrafts ? [] : await this.memberships.groupsChairedBy((caller as Caller).personId);
    const found = await this.search.page(
      { initiativeId, allDrafts, chairedGroupIds },
      { text, kinds: kinds?.length ? kinds : null, after: afterKey, limit: page.limit + 1 },
    );
    const total = found[0]?.total ?? 0;
    const hits = found.filter((row) => row.kind !== null).map(toHit);
    return toConnection(hits, page, (hit) => hit.key, total);
  }
}

type KeyedHit = SearchHitModel & { key: [string, string, string] };

const toHit = (row: SearchHitRow): KeyedHit => ({
  kind: row.kind,
  id: row.id,
  title: row.title,
  snippet: row.snippet,
  context: row.context,
  path: row.path,
  key: [row.rank, row.kind, row.objectId],
});
