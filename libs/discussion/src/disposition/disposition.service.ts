import { Injectable } from '@nestjs/common';
import { PeopleReader } from '@app/identity';
import { type RequestContext } from '@app/platform';
import { TermsOfReferenceService, TorReader } from '@app/terms-of-reference';
import { AmendmentsRepository } from '../amendments/amendments.repository';
import { CommentsRepository } from '../comments/comments.repository';
import { type Disposition, dispositionCsv, dispositionMarkdown } from './disposition';

export type DispositionFormat = 'md' | 'csv';

/**
 * The disposition of comments of a document, for any member who may read it (NOT_FOUND
 * otherwise): five statements whatever the number of comments and amendments.
 */
@Injectable()
export class DispositionService {
  constructor(
    private readonly documents: TermsOfReferenceService,
    private readonly tors: TorReader,
    private readonly comments: CommentsRepository,
    private readonly amendments: AmendmentsRepository,
    private readonly people: PeopleReader,
  ) {}

  async export(ctx: RequestContext, torId: string, format: DispositionFormat): Promise<string> {
    const disposition = await this.disposition(ctx, torId);
    return format === 'md' ? dispositionMarkdown(disposition) : dispositionCsv(disposition);
  }

  async disposition(ctx: RequestContext, torId: string): Promise<Disposition> {
    const tor = await this.documents.byId(ctx, torId);
    const [versions, comments, amendments] = await Promise.all([
      this.tors.versionsOfTorLoader(ctx.loaders).load(tor.id),
      this.comments.allOfTor(tor.id),
      this.amendments.ofTors([tor.id], null),
    ]);
    const personIds = [
      ...comments.map((c) => c.authorId),
      ...amendments.flatMap((a) => [a.proposerId, ...(a.resolvedById ? [a.resolvedById] : [])]),
    ];
    const names = new Map((await this.people.byIds([...new Set(personIds)])).map((p) => [p.id, p.name]));
    const numberOf = new Map(versions.map((v) => [v.id, v.number]));
    const number = (id: string | null) => (id ? (numberOf.get(id) ?? null) : null);
    return {
      title: tor.title,
      currentVersionNumber: versions.at(-1)?.number ?? 1,
      comments: comments.map((c) => ({
        id: c.id,
        author: names.get(c.authorId) ?? '',
        versionNumber: number(c.versionId),
        paragraph: c.paragraph,
        body: c.body,
        parentId: c.parentId,
        deleted: c.deleted,
        createdAt: c.createdAt,
        editedAt: c.editedAt,
      })),
      amendments: amendments.map((a) => ({
        id: a.id,
        proposer: names.get(a.proposerId) ?? '',
        baseVersionNumber: number(a.baseVersionId) ?? 0,
        paragraph: a.paragraph,
        originalText: a.originalText,
        proposedText: a.proposedText,
        rationale: a.rationale,
        status: a.status,
        resolution: a.resolution,
        resolvedBy: a.resolvedById ? (names.get(a.resolvedById) ?? null) : null,
        resolvedAt: a.resolvedAt,
        resultingVersionNumber: number(a.resultingVersionId),
        createdAt: a.createdAt,
      })),
    };
  }
}
