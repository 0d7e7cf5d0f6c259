import {
  computeOrganizationCodeCheckChar,
  computeUsccCheckChar,
  isValidUscc,
  USCC_CHARSET,
  USCC_CHECKSUM_MESSAGE_EN,
  USCC_CHECKSUM_MESSAGE_ZH,
  usccSchema,
  validateUscc,
} from './uscc';

/** Synthetic reference codes used across the project (check character computed by the algorithm). */
const SYNTHETIC_VALID = ['91500116MA5U7KJ200', '91500116MA60AB1C2X'];

/**
 * Real-world codes, sampled from the list of codes "found online" in python-stdnum's
 * tests/test_cn_uscc.doctest; every one also satisfies the GB 11714 organisation-code check, which is
 * how that algorithm was verified here. Covers 事业单位 (12), 企业 (91) and 个体工商户 (92), numeric and
 * "MA…" organisation codes, and check characters that are digits, letters and 'X'.
 */
const REAL_VALID = [
  '121200004013590816',
  '91110000600037341L',
  '91110000710926094P',
  '91120224064012553U',
  '91152201078371135X',
  '9115220107837941X1',
  '91310115MA1K3BTP2B',
  '91340600MA2PBM9HXD',
  '91420684MA4927PJ7B',
  '9144030071526726XG',
  '91620105L015101280',
  '91620105MA73NBBLXE',
  '92340602MA2PBMEM24',
  '92340603MA2UK3DT5H',
  '92340621MA2UK3PJXE',
];

/** Replaces the character at 1-based `position`. */
function withChar(code: string, position: number, ch: string): string {
  return code.slice(0, position - 1) + ch + code.slice(position);
}

/** Builds a code from its first 17 characters by appending the computed check character. */
function complete(first17: string): string {
  return first17 + computeUsccCheckChar(first17);
}

describe('computeUsccCheckChar', () => {
  it('reproduces the check character of known codes', () => {
    for (const code of [...SYNTHETIC_VALID, ...REAL_VALID]) {
      expect(computeUsccCheckChar(code.slice(0, 17))).toBe(code[17]);
    }
  });

  it('maps a remainder of 0 to the character 0', () => {
    // 17 zeros: Σ = 0, 31 − 0 = 31 → '0'.
    expect(computeUsccCheckChar('0'.repeat(17))).toBe('0');
  });

  it('only ever yields characters from the charset', () => {
    for (let i = 0; i < 200; i++) {
      const first17 = Array.from({ length: 17 }, (_, j) => USCC_CHARSET[(i * 7 + j * 13) % 31]).join('');
      expect(USCC_CHARSET).toContain(computeUsccCheckChar(first17));
    }
  });

  it('rejects input of the wrong length or charset', () => {
    expect(() => computeUsccCheckChar('91500116MA5U7KJ2')).toThrow(RangeError);
    expect(() => computeUsccCheckChar('91500116MA5U7KJ2OO'.slice(0, 17))).toThrow(RangeError);
  });
});

describe('computeOrganizationCodeCheckChar (GB 11714)', () => {
  it('reproduces position 17 of real codes', () => {
    for (const code of REAL_VALID) {
      expect(computeOrganizationCodeCheckChar(code.slice(8, 16))).toBe(code[16]);
    }
  });

  it('yields X for a remainder of 1 and 0 for a remainder of 0', () => {
    expect(computeOrganizationCodeCheckChar('MA2PBM9H')).toBe('X'); // from 91340600MA2PBM9HXD
    expect(computeOrganizationCodeCheckChar('00000000')).toBe('0');
  });
});

describe('validateUscc', () => {
  it.each([...SYNTHETIC_VALID, ...REAL_VALID])('accepts %s', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true });
    expect(isValidUscc(code)).toBe(true);
  });

  it('accepts every registration authority / institution category pair of the standard', () => {
    const pairs = ['11', '12', '13', '19', '21', '29', '31', '32', '33', '34', '35', '39', '41', '49'];
    pairs.push('51', '52', '53', '59', '61', '62', '69', '71', '72', '79', '81', '89', '91', '92', '93');
    pairs.push('A1', 'A9', 'N1', 'N2', 'N3', 'N9', 'Y1');
    for (const pair of pairs) {
      expect(validateUscc(complete(`${pair}500116MA5U7KJ20`))).toEqual({ ok: true });
    }
  });

  it.each([
    ['', 0],
    ['91500116MA5U7KJ20', 17],
    ['91500116MA5U7KJ2000', 19],
  ])('rejects %p by length', (code, length) => {
    const result = validateUscc(code);
    expect(result).toMatchObject({ ok: false, reason: 'length' });
    if (!result.ok) expect(result.messageEn).toContain(`got ${length}`);
  });

  it('treats surrounding whitespace as a length error (normalisation is the schema’s job)', () => {
    expect(validateUscc(' 91500116MA5U7KJ200')).toMatchObject({ ok: false, reason: 'length' });
  });

  it.each(['I', 'O', 'Z', 'S', 'V', 'a', '-', ' ', '０'])('rejects the character %p', (ch) => {
    const result = validateUscc(withChar('91500116MA5U7KJ200', 12, ch));
    expect(result).toMatchObject({ ok: false, reason: 'charset', position: 12 });
  });

  it('rejects lower case (validateUscc does not fold case)', () => {
    expect(validateUscc('91500116ma5u7kj200')).toMatchObject({ ok: false, reason: 'charset', position: 9 });
  });

  it.each(['0', 'B', 'G', 'M', 'X'])('rejects the unknown registration authority %p', (ch) => {
    const code = complete(`${ch}1500116MA5U7KJ20`);
    expect(validateUscc(code)).toMatchObject({ ok: false, reason: 'registrationAuthority', position: 1 });
  });

  it.each(['94', '99', '90', '14', '22', '36', '54', '63', '73', '82', 'A2', 'N4', 'Y2', 'Y9', '9A'])(
    'rejects the authority/category pair %p',
    (pair) => {
      const code = complete(`${pair}500116MA5U7KJ20`);
      const result = validateUscc(code);
      expect(result).toMatchObject({ ok: false, reason: 'institutionCategory', position: 2 });
    },
  );

  it.each(['A00116', '5001X6', '000000', '990000', '700000', '600000'])(
    'rejects the division code %p',
    (division) => {
      const code = complete(`91${division}MA5U7KJ20`);
      expect(validateUscc(code)).toMatchObject({ ok: false, reason: 'divisionCode' });
    },
  );

  it('accepts national-level (100000) and Hong Kong / Macao / Taiwan division codes', () => {
    for (const division of ['100000', '810000', '820000', '710000', '650100']) {
      expect(isValidUscc(complete(`12${division}MA5U7KJ20`))).toBe(true);
    }
  });

  it('rejects every single-character substitution of the check character', () => {
    for (const code of [...SYNTHETIC_VALID, ...REAL_VALID.slice(0, 4)]) {
      for (const ch of USCC_CHARSET) {
        if (ch === code[17]) continue;
        const result = validateUscc(withChar(code, 18, ch));
        expect(result).toEqual({
          ok: false,
          reason: 'checksum',
          position: 18,
          messageZh: USCC_CHECKSUM_MESSAGE_ZH,
          messageEn: USCC_CHECKSUM_MESSAGE_EN,
        });
      }
    }
  });

  it('detects a single changed body character and an adjacent transposition', () => {
    const code = '91500116MA5U7KJ200';
    expect(validateUscc(withChar(code, 10, 'B'))).toMatchObject({ reason: 'checksum' });
    expect(validateUscc(withChar(code, 15, 'K'))).toMatchObject({ reason: 'checksum' });
    const transposed = code.slice(0, 12) + code[13] + code[12] + code.slice(14);
    expect(validateUscc(transposed)).toMatchObject({ reason: 'checksum' });
  });

  it('rejects the often-quoted 91110000100000589B (its check character would be A)', () => {
    expect(validateUscc('91110000100000589B')).toMatchObject({ ok: false, reason: 'checksum' });
    expect(computeUsccCheckChar('91110000100000589')).toBe('A');
  });

  describe('with checkOrganizationCode', () => {
    it('accepts real codes', () => {
      for (const code of REAL_VALID) {
        expect(validateUscc(code, { checkOrganizationCode: true })).toEqual({ ok: true });
      }
    });

    it('rejects the synthetic reference codes, whose position 17 was not derived by GB 11714', () => {
      for (const code of SYNTHETIC_VALID) {
        expect(validateUscc(code, { checkOrganizationCode: true })).toMatchObject({
          ok: false,
          reason: 'organizationCode',
          position: 17,
        });
      }
    });

    it('rejects a code whose USCC check character was recomputed after altering position 17', () => {
      const code = complete('91340600MA2PBM9H1');
      expect(isValidUscc(code)).toBe(true);
      expect(isValidUscc(code, { checkOrganizationCode: true })).toBe(false);
    });
  });
});

describe('usccSchema', () => {
  it('trims and upper-cases before validating', () => {
    expect(usccSchema.parse('  91500116ma60ab1c2x \n')).toBe('91500116MA60AB1C2X');
  });

  it('reports a bilingual checksum message with the reason', () => {
    const result = usccSchema.safeParse('91500116MA5U7KJ201');
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues).toHaveLength(1);
      const [issue] = result.error.issues;
      expect(issue.message).toBe(
        '统一社会信用代码无效（校验位错误） / Invalid unified social credit code (check character mismatch)',
      );
      expect(issue.code).toBe('custom');
      expect((issue as { params?: { reason?: string } }).params?.reason).toBe('checksum');
    }
  });

  it('names the failing part for structural errors', () => {
    const result = usccSchema.safeParse('91500116MA5U7KJ2O0');
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues[0].message).toMatch(/第17位.* \/ Invalid character 'O' at position 17/);
    }
  });

  it('rejects non-strings', () => {
    expect(usccSchema.safeParse(91500116).success).toBe(false);
    expect(usccSchema.safeParse(undefined).success).toBe(false);
  });
});
