import { withUnitName } from './campaign.mappers';

describe('timeline lines name the unit', () => {
  it('replaces the whole unit code with its name, wherever it appears', () => {
    expect(withUnitName('已向jiangjin.jiasi下发「月度调度表」填报任务', 'jiangjin.jiasi', '贾嗣镇')).toBe(
      '已向贾嗣镇下发「月度调度表」填报任务',
    );
    expect(withUnitName('Urge no. 2 sent to jiangjin.jiasi.', 'jiangjin.jiasi', '贾嗣镇')).toBe(
      'Urge no. 2 sent to 贾嗣镇.',
    );
  });

  it('leaves a longer code that starts with it, and unknown units, as they are', () => {
    expect(withUnitName('jiangjin.jiasi.v1 逾期未报', 'jiangjin.jiasi', '贾嗣镇')).toBe(
      'jiangjin.jiasi.v1 逾期未报',
    );
    expect(withUnitName('jiangjin.jiasi 逾期未报', 'jiangjin.jiasi', undefined)).toBe(
      'jiangjin.jiasi 逾期未报',
    );
    expect(withUnitName('ent:91500116MA5U7KJ200 逾期', 'ent:91500116MA5U7KJ200', '贾嗣精工')).toBe(
      '贾嗣精工 逾期',
    );
  });
});
