export * from './search/search-hit.model';
export * from './search.module';
