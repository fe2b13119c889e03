import { DomainError } from '../errors/domain-error';
import { LiveStream } from './live-stream';

describe('LiveStream', () => {
  it('hands pushed events over in order, to a waiting reader at once', async () => {
    const stream = new LiveStream<number>({ maxQueued: 10 });
    const waiting = stream.next();
    stream.push(1);
    stream.push(2);
    stream.push(3);
    expect(await waiting).toEqual({ value: 1, done: false });
    expect(await stream.next()).toEqual({ value: 2, done: false });
    expect(await stream.next()).toEqual({ value: 3, done: false });
  });

  it('return() ends a reader that is waiting, calls onEnd once, and ignores later pushes', async () => {
    let ends = 0;
    const stream = new LiveStream<number>({ maxQueued: 10, onEnd: () => (ends += 1) });
    const waiting = stream.next();
    await stream.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    stream.push(1);
    await stream.return();
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(ends).toBe(1);
    expect(stream.isEnded).toBe(true);
  });

  it('coalesces: one waiting event stands for any number pushed meanwhile', async () => {
    const stream = new LiveStream<string>({ maxQueued: 1, coalesce: true });
    stream.push('b1');
    stream.push('b1');
    stream.push('b1');
    expect(await stream.next()).toEqual({ value: 'b1', done: false });
    const next = stream.next();
    stream.push('b1');
    expect(await next).toEqual({ value: 'b1', done: false });
  });

  it('ends with FORBIDDEN (TOO_MANY_UNDELIVERED) when a reader falls maxQueued events behind', async () => {
    let ends = 0;
    const stream = new LiveStream<number>({ maxQueued: 2, onEnd: () => (ends += 1) });
    stream.push(1);
    stream.push(2);
    stream.push(3);
    const failure = await stream.next().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ code: 'FORBIDDEN', extensions: { reason: 'TOO_MANY_UNDELIVERED' } });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(ends).toBe(1);
  });

  it('fail() rejects a waiting reader', async () => {
    const stream = new LiveStream<number>({ maxQueued: 2 });
    const waiting = stream.next();
    stream.fail(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });
});
