import type { Principal } from '@zhiben/auth';
import type { Role } from '@zhiben/contracts';
import {
  allowedActions,
  canView,
  isCandidate,
  isWithin,
  jurisdictionOf,
  principalUnits,
  supervises,
  type TaskAccessFacts,
} from './task-access';

const user = (
  username: string,
  roles: Role[],
  orgUnitCode: string | null,
  ent: string | null = null,
): Principal => ({
  sub: username,
  username,
  name: username,
  roles,
  orgUnitCode,
  enterpriseCreditCode: ent,
});

const officialJiasi = user('official.jiasi', ['official'], 'jiangjin.jiasi');
const leaderJiasi = user('leader.jiasi', ['leader'], 'jiangjin.jiasi');
const officialBaisha = user('official.baisha', ['official'], 'jiangjin.baisha');
const adminJj = user('admin.jj', ['admin'], 'jiangjin.anweiban');
const officialAnweiban = user('tiphandler.jj', ['official'], 'jiangjin.anweiban');
const leaderYingji = user('leader.yingji', ['leader'], 'jiangjin.dept.yingji');
const enterprise = user('enterprise.jiasi', ['enterprise'], 'jiangjin.jiasi', '91500116MA5U7KJ200');

const facts = (over: Partial<TaskAccessFacts> = {}): TaskAccessFacts => ({
  status: 'open',
  orgUnitCode: 'jiangjin.jiasi.xinqiao',
  assignee: null,
  owner: null,
  delegatedFrom: null,
  candidates: [{ role: 'official', orgUnitCode: 'jiangjin.jiasi' }],
  watchers: [],
  ...over,
});

describe('jurisdictionOf / isWithin', () => {
  it('reads the dot path: towns govern their subtree, offices and departments their district', () => {
    expect(jurisdictionOf('jiangjin.jiasi')).toEqual({ kind: 'territorial', root: 'jiangjin.jiasi' });
    expect(jurisdictionOf('jiangjin.anweiban')).toEqual({ kind: 'office', root: 'jiangjin' });
    expect(jurisdictionOf('jiangjin.dept.yingji')).toEqual({
      kind: 'department',
      root: 'jiangjin',
      unit: 'jiangjin.dept.yingji',
    });
    expect(jurisdictionOf('ent:91500116MA5U7KJ200')).toBeNull();
    expect(jurisdictionOf(null)).toBeNull();
  });

  it('matches whole segments only', () => {
    expect(isWithin('jiangjin.jiasi.xinqiao', 'jiangjin.jiasi')).toBe(true);
    expect(isWithin('jiangjin.jiasi', 'jiangjin.jiasi')).toBe(true);
    expect(isWithin('jiangjin.jiasixx', 'jiangjin.jiasi')).toBe(false);
    expect(isWithin(null, 'jiangjin')).toBe(false);
  });
});

describe('candidates (role × unit)', () => {
  it('needs both the role and the unit', () => {
    expect(isCandidate(officialJiasi, facts().candidates)).toBe(true);
    expect(isCandidate(leaderJiasi, facts().candidates)).toBe(false);
    expect(isCandidate(officialBaisha, facts().candidates)).toBe(false);
  });

  it('addresses enterprise staff by their enterprise scope', () => {
    expect(principalUnits(enterprise)).toEqual(['jiangjin.jiasi', 'ent:91500116MA5U7KJ200']);
    expect(isCandidate(enterprise, [{ role: 'enterprise', orgUnitCode: 'ent:91500116MA5U7KJ200' }])).toBe(
      true,
    );
    expect(isCandidate(enterprise, [{ role: 'enterprise', orgUnitCode: 'ent:91500116MA60AB1C2X' }])).toBe(
      false,
    );
  });
});

describe('visibility', () => {
  it('assignee, owner, delegator, watcher and candidates see the task', () => {
    const other = user('someone', ['official'], 'jiangjin.baisha');
    expect(canView(other, facts())).toBe(false);
    expect(canView(other, facts({ assignee: 'someone' }))).toBe(true);
    expect(canView(other, facts({ owner: 'someone' }))).toBe(true);
    expect(canView(other, facts({ delegatedFrom: 'someone' }))).toBe(true);
    expect(canView(other, facts({ watchers: ['someone'] }))).toBe(true);
    expect(canView(officialJiasi, facts())).toBe(true);
  });

  it('supervisors see their jurisdiction: town leader, district office; not another town', () => {
    expect(supervises(leaderJiasi, facts())).toBe(true);
    expect(supervises(adminJj, facts())).toBe(true);
    expect(supervises(user('leader.baisha', ['leader'], 'jiangjin.baisha'), facts())).toBe(false);
    // An official of the office is no supervisor.
    expect(canView(officialAnweiban, facts())).toBe(false);
  });

  it('a department supervises only tasks addressed to it', () => {
    expect(supervises(leaderYingji, facts())).toBe(false);
    expect(
      supervises(
        leaderYingji,
        facts({ candidates: [{ role: 'inspector', orgUnitCode: 'jiangjin.dept.yingji' }] }),
      ),
    ).toBe(true);
  });
});

describe('allowedActions', () => {
  it('an unassigned task: candidates claim or complete; supervisors assign', () => {
    expect(allowedActions(officialJiasi, facts())).toMatchObject({
      claim: true,
      complete: true,
      unclaim: false,
      assign: false,
      delegate: false,
    });
    expect(allowedActions(adminJj, facts())).toMatchObject({
      claim: false,
      complete: false,
      assign: true,
      transfer: true,
    });
    expect(allowedActions(officialBaisha, facts())).toEqual({
      claim: false,
      unclaim: false,
      assign: false,
      transfer: false,
      delegate: false,
      resolve: false,
      complete: false,
      comment: false,
      watch: false,
    });
  });

  it('a claimed task: only the holder completes, unclaims, delegates, transfers', () => {
    const held = facts({ status: 'claimed', assignee: 'official.jiasi', owner: 'official.jiasi' });
    expect(allowedActions(officialJiasi, held)).toMatchObject({
      claim: false,
      complete: true,
      unclaim: true,
      delegate: true,
      transfer: true,
      assign: true,
    });
    const colleague = user('official2.jiasi', ['official'], 'jiangjin.jiasi');
    expect(allowedActions(colleague, held)).toMatchObject({ claim: false, complete: false, comment: true });
  });

  it('a delegated task: the delegate only resolves; the owner waits', () => {
    const delegated = facts({
      status: 'claimed',
      assignee: 'leader.jiasi',
      owner: 'official.jiasi',
      delegatedFrom: 'official.jiasi',
    });
    expect(allowedActions(leaderJiasi, delegated)).toMatchObject({
      resolve: true,
      complete: false,
      delegate: false,
    });
    expect(allowedActions(officialJiasi, delegated)).toMatchObject({
      complete: false,
      assign: false,
      comment: true,
    });
  });

  it('a closed task allows nothing but reading and comments', () => {
    const closed = facts({ status: 'closed', assignee: 'official.jiasi' });
    expect(allowedActions(officialJiasi, closed)).toMatchObject({
      claim: false,
      complete: false,
      unclaim: false,
      comment: true,
    });
  });
});
