import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { type ConnectionShape, pagePrice, type RequestContext } from '@app/platform';
import { SearchHitConnection, SearchHitKind, type SearchHitModel } from './search-hit.model';
import { SearchService } from './search.service';

@Resolver()
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  @Query(() => SearchHitConnection, {
    description:
      'Full-text search over what the caller may read in the initiative: groups, people, terms of\n' +
      'reference (every version), ballots, work items, meetings, agenda items, decisions, KPIs,\n' +
      'comments and amendments. Codes match as written (WG2, EC:ICT:ICT:1C, U4SSC-1/2). Best first.',
    complexity: pagePrice,
  })
  search(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Args('query', { type: () => String }) query: string,
    @Args('kinds', { type: () => [SearchHitKind], nullable: true }) kinds: SearchHitKind[] | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Context() ctx: RequestContext,
  ): Promise<ConnectionShape<SearchHitModel>> {
    return this.service.searchInitiative(ctx.caller, initiativeId, query, kinds ?? null, first, after ?? null);
  }
}
