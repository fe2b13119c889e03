import { Field, InputType } from '@nestjs/graphql';
import { KpiDimension, KpiLevel } from '../kpi.enums';

/**
 * One KPI of an import. Its rules are catalogue/kpi-rules.ts (kpiProblems), applied by the
 * service to the whole list, the same rules a catalogue file passes in the CLI.
 */
@InputType('KpiInput')
export class KpiInput {
  @Field() code: string;
  @Field() name: string;
  @Field(() => KpiDimension) dimension: KpiDimension;
  @Field() subDimension: string;
  @Field() category: string;
  @Field(() => KpiLevel) level: KpiLevel;
  @Field(() => String, { nullable: true }) definition?: string | null;
  @Field(() => String, { nullable: true }) unit?: string | null;
}
