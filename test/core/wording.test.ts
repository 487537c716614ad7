import { escapeHtml } from '../../src/core/html';
import { formatDuration, plural } from '../../src/core/wording';

describe('wording', () => {
  it('counts nouns', () => {
    expect(plural(1, 'scorecard')).toBe('1 scorecard');
    expect(plural(2, 'scorecard')).toBe('2 scorecards');
    expect(plural(0, 'candidate')).toBe('0 candidates');
  });

  it('says how long something has been, to the two largest units', () => {
    const minute = 60_000;
    expect(formatDuration(30_000)).toBe('less than a minute');
    expect(formatDuration(minute)).toBe('1 minute');
    expect(formatDuration(40 * minute)).toBe('40 minutes');
    expect(formatDuration(60 * minute)).toBe('1 hour');
    expect(formatDuration(80 * minute)).toBe('1 hour 20 minutes');
    expect(formatDuration(23 * 60 * minute)).toBe('23 hours');
    expect(formatDuration(24 * 60 * minute)).toBe('1 day');
    expect(formatDuration((3 * 24 + 9) * 60 * minute + 59 * minute)).toBe('3 days 9 hours');
    expect(formatDuration(-90 * minute)).toBe('1 hour 30 minutes');
  });
});

describe('escapeHtml', () => {
  it('keeps markup characters as text', () => {
    expect(escapeHtml(`<b>Ada</b> & "Co" 'x'`)).toBe(
      '&lt;b&gt;Ada&lt;/b&gt; &amp; &quot;Co&quot; &#39;x&#39;',
    );
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});
