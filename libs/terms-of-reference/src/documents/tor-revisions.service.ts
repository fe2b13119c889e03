import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotFoundError } from '@app/platform';
import { BallotClosing } from '../ballots/ballot-closing.service';
import { sha256Hex } from '../votes/hash-chain';
import type { TermsOfReferenceVersionModel } from './terms-of-reference.model';
import { type TorScope, TermsOfReferenceRepository } from './terms-of-reference.repository';

/** What a listener hears of a new version, inside the transaction that adds it. */
export interface NewVersionNotice {
  tor: TorScope;
  /** The version the new one supersedes. */
  previous: TermsOfReferenceVersionModel;
  newNumber: number;
  /** Who made the change (told of nothing). */
  actorId: string;
}

export type NewVersionListener = (m: EntityManager, notice: NewVersionNotice) => Promise<void>;

/**
 * How a later domain (discussion: accepting amendments) changes a document's text without
 * touching its tables: inside the caller's transaction, under the document's row lock, refusing
 * while a ballot on it is OPEN, exactly as reviseTermsOfReference does. No authorisation here:
 * the caller's service has authorised its own use case (with `torEditAction`).
 */
@Injectable()
export class TorRevisions {
  private readonly listeners: NewVersionListener[] = [];

  constructor(
    private readonly documents: TermsOfReferenceRepository,
    private readonly closing: BallotClosing,
  ) {}

  /**
   * The hook a later domain registers (once, at start) to act in the transaction of every new
   * version, whoever adds it (reviseTermsOfReference or acceptAmendments): discussion tells those
   * who commented on or amended the superseded version. Terms of reference does not know who listens.
   */
  onNewVersion(listener: NewVersionListener): void {
    this.listeners.push(listener);
  }

  /** Tells the listeners of a new version, in its transaction (after the version and what it settles are written). */
  async announce(m: EntityManager, notice: NewVersionNotice): Promise<void> {
    for (const listener of this.listeners) await listener(m, notice);
  }

  /**
   * Locks the document (FOR UPDATE, until the transaction ends) and settles its ballots past
   * their closing time; CONFLICT with `refusal` while one is still OPEN. Returns the document's
   * scope and its current (newest) version, read under the lock.
   */
  async lockForChange(
    m: EntityManager,
    torId: string,
    refusal: string,
  ): Promise<{ tor: TorScope; current: TermsOfReferenceVersionModel }> {
    const tor = await this.documents.lock(torId, m);
    if (!tor) throw new NotFoundError('Terms of reference', torId);
    await this.closing.settleOrRefuse(m, torId, refusal);
    const current = await this.documents.latestVersion(torId, m);
    return { tor, current: current as TermsOfReferenceVersionModel };
  }

  /** The next version of a document locked by lockForChange, which returns to DRAFT; returns the version's id. */
  async addVersion(
    m: EntityManager,
    version: { torId: string; body: string; changeSummary: string | null; authorId: string },
  ): Promise<string> {
    const id = await this.documents.insertVersion({ ...version, contentHash: sha256Hex(version.body) }, m);
    await this.documents.returnToDraft(version.torId, m);
    return id;
  }
}
