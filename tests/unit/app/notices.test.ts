import { describe, expect, it } from 'vitest';
import { NoticeBoard } from '../../../src/app/notices';
import { nl } from '../../../src/i18n/nl';

const info = { kind: 'info' as const, text: nl.notices.standalone };

describe('NoticeBoard: which notice the learner sees', () => {
  it('keeps the first notice until something replaces it, and reports only real changes', () => {
    const board = new NoticeBoard(info);
    expect(board.current).toEqual(info);
    expect(board.show({ ...info })).toBe(false);
    expect(board.dismiss()).toBe(true);
    expect(board.current).toBeNull();
    expect(board.dismiss()).toBe(false);
  });

  it('shows "not saved" after a failed save and clears it after the next good one', () => {
    const board = new NoticeBoard(info);
    expect(board.saveResult(false)).toBe(true);
    expect(board.current?.text).toBe(nl.notices.saveFailed);
    expect(board.saveResult(false)).toBe(false);
    expect(board.saveResult(true)).toBe(true);
    expect(board.current).toBeNull();
  });

  it('a good save leaves other notices alone', () => {
    const board = new NoticeBoard(info);
    expect(board.saveResult(true)).toBe(false);
    expect(board.current).toEqual(info);
  });

  it('the offline-copy notice outranks "not saved" and stays until everything is synced', () => {
    const board = new NoticeBoard();
    board.saveResult(false);
    expect(board.syncStatus('offline-copy')).toBe(true);
    expect(board.current?.text).toBe(nl.notices.offlineCopy);
    expect(board.saveResult(false)).toBe(false);
    expect(board.current?.text).toBe(nl.notices.offlineCopy);
    expect(board.syncStatus('retrying')).toBe(false);
    expect(board.syncStatus('synced')).toBe(true);
    expect(board.current).toBeNull();
  });

  it('"synced" does not remove a notice that is not about saving', () => {
    const board = new NoticeBoard(info);
    expect(board.syncStatus('synced')).toBe(false);
    expect(board.current).toEqual(info);
  });
});
