import { describe, expect, it } from '@jest/globals';
import { Workstation } from '#libs/domain';
import { hashDeviceToken, ipInRange, recognises } from './workstation-match.js';

describe('workstation recognition', () => {
  it.each([
    ['10.1.2.3', '10.1.2.0/24', true],
    ['10.1.3.3', '10.1.2.0/24', false],
    ['::ffff:192.168.0.7', '192.168.0.0/16', true],
    ['127.0.0.1', '127.0.0.1', true],
    ['127.0.0.2', '127.0.0.1/32', false],
    [undefined, '0.0.0.0/0', false],
  ])('ipInRange(%s, %s) = %s', (ip, range, expected) => {
    expect(ipInRange(ip, range)).toBe(expected);
  });

  it('needs a configured way to match, not just the name', () => {
    const sut = Object.assign(new Workstation(), { code: 'X', deviceTokenHash: hashDeviceToken('tok') });
    expect(recognises(sut, { deviceToken: 'tok' })).toBe(true);
    expect(recognises(sut, { deviceToken: 'other' })).toBe(false);
    expect(recognises(Object.assign(new Workstation(), { code: 'Y' }), { deviceToken: 'tok' })).toBe(false);
    const byCert = Object.assign(new Workstation(), { certFingerprint: 'ab12cd' });
    expect(recognises(byCert, { certFingerprint: 'AB:12:CD' })).toBe(true);
  });
});
