export * from './comments/comment.model';
export * from './amendments/amendment.model';
export * from './amendments/paragraphs';
export * from './comments/comments.service';
export * from './amendments/amendments.service';
export * from './discussion.module';
