/**
 * The review schedule written with the case's own writes, through the real vault (fake-indexeddb):
 * approval schedules the reviews; moving the planned end moves the undecided ones; the reviews
 * are audited as created, not as a status change.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { moveCase, saveCase } from '../../../../src/features/cases/data';
import type { Case, Checkpoint } from '../../../../src/domain/entities';
import { addDays, isoDate } from '../../../../src/domain/time';
import { today } from '../../../../src/shared/ui/today';
import { KDF_FLOOR, newId, vault } from '../../../../src/storage';
import { makeCase } from '../../builders';

afterAll(() => vault.lock());

const reviews = (caseId: string) =>
  (vault.list('checkpoints') as Checkpoint[])
    .filter((cp) => cp.caseId === caseId)
    .map((cp) => [cp.kind, cp.dueDate])
    .sort((a, b) => ((a[1] ?? '') < (b[1] ?? '') ? -1 : 1));

describe('review schedule writes', () => {
  it('Given a case in assessment with dates, When approved, Then its five reviews are stored; When its end moves, Then the pre-return and follow-up move', async () => {
    await vault.createVault('ochre lantern velvet basin quarry thimble', { kdfParams: KDF_FLOOR });
    const day = isoDate(today());
    const id = newId();
    const start = addDays(day, 10);
    const c = makeCase({
      id,
      status: 'assessment',
      plannedStart: start,
      plannedEnd: addDays(start, 90),
    });
    await vault.transaction([{ op: 'put', store: 'cases', value: c }]);
    expect(reviews(id)).toEqual([]);

    expect(await moveCase(c, 'approved', { approvedBy: 'PO Sable' })).toBeNull();
    expect(reviews(id)).toEqual([
      ['arrival_check_in', addDays(start, 1)],
      ['periodic_review', addDays(start, 31)],
      ['periodic_review', addDays(start, 61)],
      ['pre_return', addDays(start, 76)],
      ['post_return_follow_up', addDays(start, 120)],
    ]);
    const cpId = (vault.list('checkpoints') as Checkpoint[]).find((cp) => cp.caseId === id)?.id;
    expect(vault.auditFor(cpId ?? '').map((e) => e.action)).toEqual(['create']);

    const approved = vault.get('cases', id) as Case;
    await saveCase({ ...approved, plannedEnd: addDays(start, 120) }, approved);
    expect(reviews(id)).toEqual([
      ['arrival_check_in', addDays(start, 1)],
      ['periodic_review', addDays(start, 31)],
      ['periodic_review', addDays(start, 61)],
      ['periodic_review', addDays(start, 91)],
      ['pre_return', addDays(start, 106)],
      ['post_return_follow_up', addDays(start, 150)],
    ]);
  });
});
