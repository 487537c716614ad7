/**
 * Placeholders in template text, e.g. {{candidate.name}}. The list below is the single source for what a
 * template may use (the Templates sheet's help and the README are generated from it).
 *
 * Rendering is one pass over the TEMPLATE text: each placeholder is replaced by its value through a replacer
 * function, so values are never interpreted (no `$1`, no regex specials) and never scanned again — a candidate
 * named "{{candidate.name}}" ends up literally in the document.
 */

export interface PlaceholderInfo {
  name: string;
  description: string;
  example: string;
}

export const PLACEHOLDERS: readonly PlaceholderInfo[] = [
  { name: 'candidate.name', description: "The candidate's name.", example: 'Ada Lovelace' },
  { name: 'candidate.email', description: "The candidate's email address.", example: 'ada@example.com' },
  {
    name: 'candidate.role',
    description: 'The role the candidate applied for.',
    example: 'Backend Developer',
  },
  { name: 'candidate.id', description: "The candidate's stable ID in the workbook.", example: 'C-0042' },
  { name: 'stage.name', description: 'The name of the interview stage.', example: 'Main interview' },
  { name: 'stage.number', description: 'The position of the stage in the process (1, 2, …).', example: '2' },
  { name: 'stage.minutes', description: 'The planned duration of the stage.', example: '45–75 min' },
  {
    name: 'stage.goal',
    description: 'What the stage is meant to find out.',
    example: 'Judge depth, not breadth.',
  },
  {
    name: 'stage.conductedBy',
    description: 'Who runs the stage, as the process describes it.',
    example: 'Hiring manager plus one team member',
  },
  {
    name: 'next.stage',
    description: 'The stage after this one (in a candidate update: the stage the candidate is invited to).',
    example: 'Practical test interview',
  },
  { name: 'process.name', description: 'The name of the hiring process.', example: 'Backend Developer' },
  {
    name: 'panel',
    description: 'The interviewers assigned to this candidate and stage, comma-separated.',
    example: 'Grace Hopper, Alan Turing',
  },
  { name: 'today', description: 'The date the document was generated.', example: '2026-05-13' },
  { name: 'workbook.url', description: 'The link to this workbook.', example: 'https://docs.google.com/…' },
  {
    name: 'interviewer',
    description: 'In a debrief: the interviewers who submitted a scorecard. In a script: the panel.',
    example: 'Grace Hopper, Alan Turing',
  },
];

const KNOWN = new Set(PLACEHOLDERS.map((p) => p.name));

export function isKnownPlaceholder(name: string): boolean {
  return KNOWN.has(name);
}

/** A well-formed placeholder: `{{`, a name without braces (spaces around it allowed), `}}`. */
const PLACEHOLDER_PATTERN = /\{\{([^{}]*)\}\}/g;

export interface PlaceholderMatch {
  /** The name inside the braces, trimmed. */
  name: string;
  /** Where the `{{` starts in the text. */
  index: number;
  /** The whole match including braces. */
  raw: string;
}

function matches(text: string): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = [];
  for (const m of text.matchAll(PLACEHOLDER_PATTERN)) {
    found.push({ name: m[1].trim(), index: m.index ?? 0, raw: m[0] });
  }
  return found;
}

/** The distinct placeholder names used in a text, in order of first appearance. */
export function findPlaceholders(text: string): string[] {
  return [...new Set(matches(text).map((m) => m.name))];
}

function suggestion(name: string): string | undefined {
  const lower = name.toLowerCase().replace(/\s+/g, '');
  return PLACEHOLDERS.find((p) => p.name.toLowerCase() === lower)?.name;
}

/**
 * Every problem with the placeholders of one template text, in words: unknown names (with a suggestion when
 * only the case or spacing is off), empty `{{}}`, a `{{` that is never closed and a `}}` that was never opened.
 */
export function placeholderProblems(text: string): string[] {
  const problems: string[] = [];
  for (const m of matches(text)) {
    if (m.name === '') {
      problems.push(`Empty placeholder ${m.raw}: put a placeholder name between the braces.`);
    } else if (!KNOWN.has(m.name)) {
      const hint = suggestion(m.name);
      problems.push(
        hint
          ? `Unknown placeholder {{${m.name}}}: did you mean {{${hint}}}?`
          : `Unknown placeholder {{${m.name}}}. Known placeholders: ${PLACEHOLDERS.map((p) => p.name).join(', ')}.`,
      );
    }
  }
  // Whatever is left after removing well-formed placeholders must not contain braces pairs.
  const rest = text.replace(PLACEHOLDER_PATTERN, (whole) => ' '.repeat(whole.length));
  const unclosed = rest.indexOf('{{');
  if (unclosed >= 0) {
    problems.push(
      `Unclosed "{{" at character ${unclosed + 1} ("${excerpt(text, unclosed)}"): close it with "}}".`,
    );
  }
  const unopened = rest.indexOf('}}');
  if (unopened >= 0) {
    problems.push(`"}}" at character ${unopened + 1} ("${excerpt(text, unopened)}") has no matching "{{".`);
  }
  return problems;
}

function excerpt(text: string, at: number): string {
  const piece = text.slice(at, at + 24);
  return at + 24 < text.length ? `${piece}…` : piece;
}

/**
 * Replaces every well-formed placeholder whose name is in `values` with its value, in a single pass over
 * the template text. Values are inserted literally and never re-scanned; placeholders without a value are
 * left as they are (templates are validated before rendering, so that only happens in previews).
 */
export function renderPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole: string, inner: string) => {
    const name = inner.trim();
    return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
  });
}
