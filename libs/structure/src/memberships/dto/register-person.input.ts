import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { InitiativeRole, IsTimeZone, PASSWORD_MAX, PASSWORD_MIN } from '@app/identity';

@InputType('RegisterPersonInput', {
  description: 'Registers a person in an initiative. Without a password an INVITATION e-mail with a one-time token is sent.',
})
export class RegisterPersonInput {
  @Field(() => ID)
  @IsString()
  initiativeId: string;

  @Field()
  @IsString()
  @Length(1, 200)
  name: string;

  @Field()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  email: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  organizationId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string | null;

  @Field(() => InitiativeRole)
  @IsEnum(InitiativeRole)
  role: InitiativeRole;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password?: string | null;
}
