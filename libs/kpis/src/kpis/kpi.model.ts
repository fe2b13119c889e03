import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@app/platform';
import { KpiDimension, KpiLevel } from './kpi.enums';

/** A KPI of an initiative's catalogue; workItems is resolved by KpisResolver. */
@ObjectType('Kpi', {
  description: "A key performance indicator of the initiative's catalogue (for U4SSC: the KPIs for smart sustainable cities).",
})
export class KpiModel {
  @Field(() => ID) id: string;
  /** Not a GraphQL field: the access scope. */
  initiativeId: string;
  @Field({ description: 'Unique within the initiative, e.g. EC:ICT:ICT:1C.' }) code: string;
  @Field() name: string;
  @Field(() => KpiDimension) dimension: KpiDimension;
  @Field() subDimension: string;
  @Field() category: string;
  @Field(() => KpiLevel) level: KpiLevel;
  @Field(() => String, { nullable: true }) definition: string | null;
  @Field(() => String, { nullable: true }) unit: string | null;
}

@ObjectType('KpiConnection')
export class KpiConnection extends Connection(KpiModel, 'Kpi') {}

@ObjectType('KpiImportResult')
export class KpiImportResultModel {
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) unchanged: number;
}
