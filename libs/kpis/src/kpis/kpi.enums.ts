import { registerEnumType } from '@nestjs/graphql';

export enum KpiDimension {
  ECONOMY = 'ECONOMY',
  ENVIRONMENT = 'ENVIRONMENT',
  SOCIETY_AND_CULTURE = 'SOCIETY_AND_CULTURE',
}

export enum KpiLevel {
  CORE = 'CORE',
  ADVANCED = 'ADVANCED',
}

registerEnumType(KpiDimension, { name: 'KpiDimension' });
registerEnumType(KpiLevel, { name: 'KpiLevel' });
