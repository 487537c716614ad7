import { includesEmail, normaliseEmail, sameEmail } from '../../src/core/people';

describe('sameEmail', () => {
  it('ignores case and surrounding spaces', () => {
    expect(sameEmail(' Ada@Example.com ', 'ada@example.com')).toBe(true);
    expect(sameEmail('ada@example.com', 'grace@example.com')).toBe(false);
    expect(normaliseEmail('  Ada@Example.COM ')).toBe('ada@example.com');
  });

  it('a blank never matches anything, not even another blank', () => {
    expect(sameEmail('', '')).toBe(false);
    expect(sameEmail('  ', '')).toBe(false);
    expect(sameEmail('', 'ada@example.com')).toBe(false);
    expect(includesEmail(['', 'ada@example.com'], '')).toBe(false);
    expect(includesEmail(['grace@example.com', 'ADA@example.com'], 'ada@example.com')).toBe(true);
  });
});
