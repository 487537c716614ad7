import {
  PLACEHOLDERS,
  findPlaceholders,
  isKnownPlaceholder,
  placeholderProblems,
  renderPlaceholders,
} from '../../../src/core/templates/placeholders';

describe('PLACEHOLDERS', () => {
  it('lists every placeholder once, each with a description', () => {
    const names = PLACEHOLDERS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of [
      'candidate.name',
      'candidate.email',
      'candidate.role',
      'candidate.id',
      'stage.name',
      'stage.number',
      'stage.minutes',
      'stage.goal',
      'stage.conductedBy',
      'process.name',
      'panel',
      'today',
      'workbook.url',
      'interviewer',
    ]) {
      expect(isKnownPlaceholder(name)).toBe(true);
    }
    for (const p of PLACEHOLDERS) expect(p.description.length).toBeGreaterThan(5);
  });
});

describe('findPlaceholders', () => {
  it('returns distinct trimmed names in order of appearance', () => {
    expect(findPlaceholders('{{ stage.name }} for {{candidate.name}} and {{stage.name}}')).toEqual([
      'stage.name',
      'candidate.name',
    ]);
    expect(findPlaceholders('no placeholders { here }')).toEqual([]);
  });
});

describe('renderPlaceholders', () => {
  it('substitutes known values and leaves unknown placeholders as they are', () => {
    expect(renderPlaceholders('Hi {{ candidate.name }}, {{nope}}', { 'candidate.name': 'Ada' })).toBe(
      'Hi Ada, {{nope}}',
    );
  });

  it('inserts values literally: replacement specials and placeholders in values are not interpreted', () => {
    const name = 'Ada $1 $& $$ \\ ( * {{candidate.name}} Lovelace';
    const out = renderPlaceholders('[{{candidate.name}}] [{{candidate.role}}]', {
      'candidate.name': name,
      'candidate.role': '{{candidate.name}}',
    });
    expect(out).toBe(`[${name}] [{{candidate.name}}]`);
  });

  it('does not look up inherited object properties', () => {
    expect(renderPlaceholders('{{constructor}} {{toString}}', {})).toBe('{{constructor}} {{toString}}');
  });
});

describe('placeholderProblems', () => {
  it('accepts known placeholders', () => {
    expect(placeholderProblems('{{candidate.name}} at {{ today }}')).toEqual([]);
  });

  it('names unknown placeholders and suggests the right spelling', () => {
    const problems = placeholderProblems('{{candidate.nmae}} {{Candidate.Name}}');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('{{candidate.nmae}}');
    expect(problems[1]).toContain('did you mean {{candidate.name}}');
  });

  it('reports an unclosed {{, a stray }} and an empty placeholder', () => {
    expect(placeholderProblems('Hello {{candidate.name')[0]).toMatch(/Unclosed "\{\{" at character 7/);
    expect(placeholderProblems('Hello {{ {{candidate.name}}')[0]).toMatch(/Unclosed/);
    expect(placeholderProblems('Hello candidate.name}}')[0]).toMatch(/no matching "\{\{"/);
    expect(placeholderProblems('Hello {{}}')[0]).toMatch(/Empty placeholder/);
  });
});
