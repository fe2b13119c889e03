import { Field, ObjectType } from '@nestjs/graphql';
import { PersonModel } from '../people/person.model';

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field() accessToken: string;
  @Field(() => PersonModel) person: PersonModel;
}
