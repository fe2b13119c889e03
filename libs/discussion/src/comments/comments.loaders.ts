import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { byKeys, groupedByKeys, isUuid, type LoaderRegistry } from '@app/platform';
import { type CommentPageKey, type CommentRow, CommentsRepository } from './comments.repository';

/** The per-request DataLoaders of comments: one statement per batch, whatever the number of parents. */
@Injectable()
export class CommentLoaders {
  constructor(private readonly comments: CommentsRepository) {}

  comment(loaders: LoaderRegistry): DataLoader<string, CommentRow | null> {
    return loaders.get<string, CommentRow | null>('discussion.comment', async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await this.comments.byIds(valid) : [];
      return byKeys(ids, rows, (r) => r.id);
    });
  }

  /** A page of a subject's top-level comments, oldest first (pages asked in the same tick share one statement). */
  page(loaders: LoaderRegistry): DataLoader<string, CommentRow[]> {
    return loaders.get<string, CommentRow[]>('discussion.commentPage', async (keys) => {
      const found = await this.comments.pages(keys.map(parsePageKey));
      const comments = this.comment(loaders);
      const pages = keys.map((): CommentRow[] => []);
      for (const { key, ...row } of found) {
        comments.prime(row.id, row);
        pages[Number(key) - 1].push(row);
      }
      return pages;
    });
  }

  /** The number of top-level comments of each subject. */
  count(loaders: LoaderRegistry): DataLoader<string, number> {
    return loaders.get<string, number>('discussion.commentCount', async (ids) => {
      const found = await this.comments.counts(ids);
      return byKeys(ids, found, (r) => r.subjectId).map((r) => r?.total ?? 0);
    });
  }

  /** The replies of each comment, oldest first. */
  replies(loaders: LoaderRegistry): DataLoader<string, CommentRow[]> {
    return loaders.get<string, CommentRow[]>('discussion.replies', async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await this.comments.repliesOf(valid) : [];
      return groupedByKeys(ids, rows, (r) => r.parentId as string);
    });
  }
}

/** A page request as a loader key (loaders take primitive keys). */
export const pageKey = (k: CommentPageKey): string => [k.subjectId, k.after?.[0] ?? '', k.after?.[1] ?? '', k.limit].join(' ');

function parsePageKey(key: string): CommentPageKey {
  const [subjectId, afterAt, afterId, limit] = key.split(' ');
  return { subjectId, after: afterAt ? [afterAt, afterId] : null, limit: Number(limit) };
}
