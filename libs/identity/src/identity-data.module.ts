import { Module } from '@nestjs/common';
import { PeopleReader } from './people/people.reader';
import { PeopleRepository } from './people/people.repository';

/**
 * Identity's data for other domains, without its GraphQL or the access policy: the readers they
 * inject. The worker's modules import it too, where IdentityModule is not loaded.
 */
@Module({
  providers: [PeopleRepository, PeopleReader],
  exports: [PeopleReader],
})
export class IdentityDataModule {}
