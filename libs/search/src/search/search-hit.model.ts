import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '@app/platform';

/** What a hit is; COMMENT and AMENDMENT are indexed once discussion (issue 16) has its tables. */
export enum SearchHitKind {
  WORKING_GROUP = 'WORKING_GROUP',
  PERSON = 'PERSON',
  TERMS_OF_REFERENCE = 'TERMS_OF_REFERENCE',
  BALLOT = 'BALLOT',
  WORK_ITEM = 'WORK_ITEM',
  MEETING = 'MEETING',
  AGENDA_ITEM = 'AGENDA_ITEM',
  DECISION = 'DECISION',
  KPI = 'KPI',
  COMMENT = 'COMMENT',
  AMENDMENT = 'AMENDMENT',
}

registerEnumType(SearchHitKind, { name: 'SearchHitKind' });

@ObjectType('SearchHit')
export class SearchHitModel {
  @Field(() => SearchHitKind) kind: SearchHitKind;
  @Field(() => ID, { description: 'Id of the object found.' }) id: string;
  @Field() title: string;
  @Field({ description: 'A short extract around the match; the matched words are wrapped in [[ and ]].' })
  snippet: string;
  @Field({ description: 'Where it lives, e.g. "WG2 · Work plan 2016-2017".' }) context: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Not in the contract (an addition): the web client\'s path of the page that shows it, e.g. "/groups/<id>" for a ' +
      'work item (its group\'s page) or "/meetings/<id>" for an agenda item or a decision; null when there is none (a person).',
  })
  path: string | null;
}

@ObjectType('SearchHitConnection')
export class SearchHitConnection extends Connection(SearchHitModel, 'SearchHit') {}
