import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError } from '@app/platform';
import { BallotsService } from '../ballots/ballots.service';
import { sha256Hex } from '../votes/hash-chain';
import type { DraftTermsOfReferenceInput } from './dto/draft-terms-of-reference.input';
import type { ReviseTermsOfReferenceInput } from './dto/revise-terms-of-reference.input';

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** Drafting and revising terms of reference: one transaction each. */
@Injectable()
export class TermsOfReferenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ballots: BallotsService,
  ) {}

  /** A new document with version 1; CONFLICT if the initiative or group already has one. */
  async draft(authorId: string, input: DraftTermsOfReferenceInput): Promise<string> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const [tor] = (await m.query(
          `INSERT INTO terms_of_reference (initiative_id, working_group_id, title) VALUES ($1, $2, $3) RETURNING id`,
          [input.initiativeId, input.workingGroupId ?? null, input.title.trim()],
        )) as { id: string }[];
        await m.query(`INSERT INTO tor_version (tor_id, number, body, content_hash, author_id) VALUES ($1, 1, $2, $3, $4)`, [
          tor.id,
          input.body,
          sha256Hex(input.body),
          authorId,
        ]);
        return tor.id;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          input.workingGroupId
            ? 'This working group already has terms of reference'
            : 'This initiative already has terms of reference',
        );
      }
      throw error;
    }
  }

  /** Adds the next version and returns the document to DRAFT; CONFLICT while a ballot is OPEN. */
  async revise(authorId: string, input: ReviseTermsOfReferenceInput): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT id FROM terms_of_reference WHERE id = $1 FOR UPDATE`, [input.termsOfReferenceId]);
      await this.ballots.settleOrRefuse(m, input.termsOfReferenceId, 'A ballot on these terms of reference is OPEN');
      const [version] = (await m.query(
        `INSERT INTO tor_version (tor_id, number, body, content_hash, change_summary, author_id)
         SELECT $1, coalesce(max(number), 0) + 1, $2, $3, $4, $5 FROM tor_version WHERE tor_id = $1
         RETURNING id`,
        [input.termsOfReferenceId, input.body, sha256Hex(input.body), input.changeSummary ?? null, authorId],
      )) as { id: string }[];
      await m.query(`UPDATE terms_of_reference SET status = 'DRAFT', status_before_ballot = NULL WHERE id = $1`, [
        input.termsOfReferenceId,
      ]);
      return version.id;
    });
  }
}
