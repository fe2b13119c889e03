import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { KpisModule } from '@app/kpis';
import { StructureDataModule } from '@app/structure';
import { TermsOfReferenceModule } from '@app/terms-of-reference';
import { AmendmentLoaders } from './amendments/amendments.loaders';
import { AmendmentsRepository } from './amendments/amendments.repository';
import { AmendmentsResolver, TermsOfReferenceAmendmentsResolver } from './amendments/amendments.resolver';
import { AmendmentsService } from './amendments/amendments.service';
import { CommentLoaders } from './comments/comments.loaders';
import { CommentsRepository } from './comments/comments.repository';
import { CommentsResolver, KpiCommentsResolver, TermsOfReferenceCommentsResolver } from './comments/comments.resolver';
import { CommentsService } from './comments/comments.service';

/** Comments and amendments on terms of reference, and comments on KPIs. */
@Module({
  imports: [IdentityModule, StructureDataModule, TermsOfReferenceModule, KpisModule],
  providers: [
    CommentsRepository,
    AmendmentsRepository,
    CommentLoaders,
    AmendmentLoaders,
    CommentsService,
    AmendmentsService,
    CommentsResolver,
    TermsOfReferenceCommentsResolver,
    KpiCommentsResolver,
    AmendmentsResolver,
    TermsOfReferenceAmendmentsResolver,
  ],
  exports: [CommentsService, AmendmentsService],
})
export class DiscussionModule {}
