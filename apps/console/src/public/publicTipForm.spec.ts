import { describe, expect, it } from '@jest/globals';
import {
  EMPTY_PUBLIC_TIP,
  checkPublicPhotos,
  checkPublicTip,
  isValidIdNumber,
  toPublicSubmission,
  type PublicTipValues,
} from './publicTipForm';

const anonymous: PublicTipValues = {
  ...EMPTY_PUBLIC_TIP,
  kind: 'hazard',
  location: '重庆市江津区德感街道工业园 3 号厂房',
  enterpriseName: '',
  description: '喷涂车间的可燃气体报警器长期断电，夜班仍在作业。',
  anonymous: true,
  password: 'Zhiben2026safe',
  passwordConfirm: 'Zhiben2026safe',
};
const realName: PublicTipValues = {
  ...anonymous,
  anonymous: false,
  name: '张伟',
  phone: '138 0013 8000',
  idNumber: '11010519491231002x',
};
const paths = (values: PublicTipValues) => checkPublicTip(values).map((issue) => issue.path);
const file = (name: string, type: string, size: number) => ({ name, type, size }) as unknown as File;

describe('the public tip form', () => {
  it('takes a complete anonymous tip and a complete real-name tip', () => {
    expect(checkPublicTip(anonymous)).toEqual([]);
    expect(checkPublicTip(realName)).toEqual([]);
  });

  it('asks for the kind, the place and a description of at least 10 characters', () => {
    expect(paths(EMPTY_PUBLIC_TIP)).toEqual(expect.arrayContaining(['kind', 'location', 'description']));
    expect(checkPublicTip({ ...anonymous, description: '有隐患' })).toEqual([
      { path: 'description', key: 'zhiben.tipline.public.validation.tooShort', args: { min: 10 } },
    ]);
    expect(paths({ ...anonymous, description: 'x'.repeat(5001) })).toEqual(['description']);
    expect(paths({ ...anonymous, kind: 'fire' as never })).toEqual(['kind']);
  });

  it('refuses scripts and markup in text fields with a clear message', () => {
    const issues = checkPublicTip({
      ...anonymous,
      description: '<script>alert(1)</script> 车间无人值守，设备带病运行',
      enterpriseName: '<img src=x onerror=alert(1)>',
      location: 'javascript:alert(1)',
    });
    expect(issues.map((issue) => [issue.path, issue.key])).toEqual([
      ['location', 'zhiben.tipline.public.validation.markup'],
      ['enterpriseName', 'zhiben.tipline.public.validation.markup'],
      ['description', 'zhiben.tipline.public.validation.markup'],
    ]);
    // Ordinary punctuation is fine.
    expect(checkPublicTip({ ...anonymous, description: '压力 > 1.6 MPa，安全阀 < 规定值；“危险”' })).toEqual(
      [],
    );
  });

  it('holds the password (anonymous or real-name) to the claim-code policy and asks for it twice', () => {
    expect(checkPublicTip({ ...realName, password: '', passwordConfirm: '' }).map((i) => i.path)).toEqual([
      'password',
    ]);
    expect(checkPublicTip({ ...anonymous, password: '', passwordConfirm: '' })).toEqual([
      expect.objectContaining({ path: 'password', key: 'zhiben.tipline.public.problems.required' }),
    ]);
    expect(checkPublicTip({ ...anonymous, password: 'short1', passwordConfirm: 'short1' })).toEqual([
      {
        path: 'password',
        key: 'zhiben.tipline.public.problems.length',
        args: { min: 8, max: 64 },
      },
    ]);
    expect(paths({ ...anonymous, password: 'password1', passwordConfirm: 'password1' })).toEqual([
      'password',
    ]);
    expect(checkPublicTip({ ...anonymous, passwordConfirm: 'Zhiben2026saf' })).toEqual([
      { path: 'passwordConfirm', key: 'zhiben.tipline.public.validation.passwordMismatch' },
    ]);
  });

  it('needs name, phone and a valid ID number for a real-name tip', () => {
    expect(paths({ ...realName, name: '', phone: '', idNumber: '' })).toEqual(['name', 'phone', 'idNumber']);
    expect(paths({ ...realName, phone: '12345' })).toEqual(['phone']);
    expect(paths({ ...realName, phone: '023-47521234' })).toEqual([]);
    expect(paths({ ...realName, idNumber: '110105194912310021' })).toEqual(['idNumber']);
  });

  it('checks ID numbers by birth date and check character', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('11010519491331002X')).toBe(false); // month 13
    expect(isValidIdNumber('1101051949123100')).toBe(false);
  });

  it('sends identity only for real-name tips, with the photos by id', () => {
    expect(toPublicSubmission(anonymous, ['p1'])).toEqual({
      kind: 'hazard',
      location: anonymous.location,
      enterprise: null,
      description: anonymous.description,
      photos: ['p1'],
      anonymous: true,
      password: 'Zhiben2026safe',
    });
    const named = toPublicSubmission({ ...realName, enterpriseName: ' 重庆某化工厂 ' });
    expect(named.password).toBe('Zhiben2026safe');
    expect(named.enterprise).toEqual({ name: '重庆某化工厂' });
    expect(named.identity).toEqual({ name: '张伟', phone: '13800138000', idNumber: '11010519491231002X' });
  });
});

describe('photos on the public form', () => {
  it('takes JPEG, PNG and WebP photos up to 10 MB, nine at most', () => {
    expect(
      checkPublicPhotos([file('a.jpg', 'image/jpeg', 3_000_000), file('b.png', 'image/png', 10)]),
    ).toEqual([]);
    const nine = Array.from({ length: 10 }, (_, i) => file(`${i}.jpg`, 'image/jpeg', 1000));
    expect(checkPublicPhotos(nine)).toEqual([
      { path: 'photos', key: 'zhiben.tipline.public.validation.tooManyPhotos', args: { max: 9 } },
    ]);
  });

  it('refuses other types, oversized and empty files, naming them', () => {
    expect(
      checkPublicPhotos([
        file('x.exe', 'application/x-msdownload', 10),
        file('big.jpg', 'image/jpeg', 11 * 1024 * 1024),
        file('empty.png', 'image/png', 0),
        file('clip.mp4', 'video/mp4', 1000),
        file('iphone.heic', 'image/heic', 1000),
      ]).map((issue) => [issue.path, issue.key, issue.args?.name]),
    ).toEqual([
      ['photos.0', 'zhiben.files.badType', 'x.exe'],
      ['photos.1', 'zhiben.files.tooLarge', 'big.jpg'],
      ['photos.2', 'zhiben.files.empty', 'empty.png'],
      ['photos.3', 'zhiben.files.badType', 'clip.mp4'],
      ['photos.4', 'zhiben.files.badType', 'iphone.heic'],
    ]);
  });
});
