import { Module } from '@nestjs/common';
import { IdentityDataModule, IdentityModule } from '@app/identity';
import { KpisModule } from '@app/kpis';
import { StructureDataModule } from '@app/structure';
import { TermsOfReferenceModule } from '@app/terms-of-reference';
import { AmendmentLoaders } from './amendments/amendments.loaders';
import { AmendmentsRepository } from './amendments/amendments.repository';
import { AmendmentsResolver, TermsOfReferenceAmendmentsResolver } from './amendments/amendments.resolver';
import { AmendmentsService } from './amendments/amendments.service';
import { SupersededNotices } from './amendments/superseded-notices';
import { CommentLoaders } from './comments/comments.loaders';
import { CommentsRepository } from './comments/comments.repository';
import { CommentsResolver, KpiCommentsResolver, TermsOfReferenceCommentsResolver } from './comments/comments.resolver';
import { CommentsService } from './comments/comments.service';
import { DispositionController } from './disposition/disposition.controller';
import { DispositionService } from './disposition/disposition.service';

/** Comments and amendments on terms of reference, comments on KPIs, and the disposition of comments export. */
@Module({
  imports: [IdentityModule, IdentityDataModule, StructureDataModule, TermsOfReferenceModule, KpisModule],
  providers: [
    CommentsRepository,
    AmendmentsRepository,
    CommentLoaders,
    AmendmentLoaders,
    CommentsService,
    AmendmentsService,
    SupersededNotices,
    CommentsResolver,
    TermsOfReferenceCommentsResolver,
    KpiCommentsResolver,
    AmendmentsResolver,
    TermsOfReferenceAmendmentsResolver,
    DispositionService,
  ],
  controllers: [DispositionController],
  exports: [CommentsService, AmendmentsService],
})
export class DiscussionModule {}
