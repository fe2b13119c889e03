import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { StructureDataModule } from '@app/structure';
import { SearchRepository } from './search/search.repository';
import { SearchResolver } from './search/search.resolver';
import { SearchService } from './search/search.service';

/** Full-text search across the domains (PostgreSQL); the index is kept by triggers of migration 1790000038000. */
@Module({
  imports: [IdentityModule, StructureDataModule],
  providers: [SearchRepository, SearchService, SearchResolver],
})
export class SearchModule {}
