/**
 * The default preset (seed 000): a three-stage Backend Developer process — a short mutual screening, a
 * scenario-led main interview, and an optional interview about a submitted practical test.
 */
import type { Process } from '../process';

export const backendDeveloper: Process = {
  id: 'backend-developer',
  name: 'Backend Developer (three stages)',
  role: 'Backend Developer',
  summary:
    'A brief screening call, a main interview built on two backend scenarios and past work, and an optional session defending a take-home test. Two interviewers score apart, then reconcile.',
  source: '000',
  stages: [
    {
      id: 'screening',
      name: 'Screening',
      minutesMin: 15,
      minutesMax: 20,
      optional: false,
      conductedBy: 'Project manager or hiring manager, one-to-one on video',
      goal: 'Check that the candidate wants this particular role, can start when needed, is allowed to work here, expects a salary inside our band, and shows no sign of being less than honest.',
      agenda: [
        {
          title: 'Welcome',
          minutesMin: 2,
          minutesMax: 2,
          description:
            'Introduce yourself, the team and our product in a few sentences. Explain that this is a short call where both sides check the fit.',
        },
        {
          title: 'Why this role',
          minutesMin: 3,
          minutesMax: 3,
          description:
            'Ask for the candidate’s short account of what drew them to this role in particular, rather than to any backend job.',
        },
        {
          title: 'Two screening questions',
          minutesMin: 5,
          minutesMax: 5,
          description:
            'Put the two structured questions below to the candidate; listen for a sensible first move, not a full answer.',
        },
        {
          title: 'Practicalities',
          minutesMin: 3,
          minutesMax: 3,
          description:
            'Cover where they would work from, when they could start, notice period and salary expectation.',
        },
        {
          title: 'Candidate’s questions',
          minutesMin: 3,
          minutesMax: 3,
          description: 'Leave room for whatever the candidate wants to know about the role or the team.',
        },
        {
          title: 'Close',
          minutesMin: 0,
          minutesMax: 0,
          description: 'Tell the candidate what the next step is and roughly when they will hear from us.',
        },
      ],
      prompts: [
        {
          kind: 'question',
          label: 'Screening question 1',
          block: 'Two screening questions',
          text: 'At busy times the queue that produces AI-generated content for users starts to pile up. What would you look at first, and why there?',
        },
        {
          kind: 'question',
          label: 'Screening question 2',
          block: 'Two screening questions',
          text: 'We plan to send some data to a new outside provider that does AI translation. Which parts of a backend would you expect that decision to touch?',
        },
        {
          kind: 'check',
          label: 'Practicalities',
          block: 'Practicalities',
          text: 'Before closing, confirm availability, right to work, notice period and that the salary expectation sits within our range.',
        },
      ],
      categories: [
        {
          id: 'communication-clarity',
          name: 'Communication clarity',
          keyRisk: true,
          description:
            'Can the candidate explain themselves briefly and in a way a non-specialist can follow, in a call with little time?',
          anchors: [
            'Answers wander or contradict each other; we could not tell what they meant on most questions.',
            'Gets the point across only after several follow-up questions; key facts arrive out of order.',
            'Clear on straightforward questions but loses structure when the question is open-ended.',
            'Gives short, ordered answers and checks whether the listener needs more detail.',
            'Every answer lands first time, pitched to the listener, with the most important point up front.',
          ],
        },
        {
          id: 'motivation-fit',
          name: 'Motivation fit',
          keyRisk: false,
          description:
            'Is the interest in this specific role and product, and does it match what the job actually offers?',
          anchors: [
            'No reason given beyond needing a job, or the reasons given point to a different kind of role.',
            'Generic enthusiasm for backend work; knows little about what we build.',
            'Has looked at our product and gives one reasonable reason that fits the role.',
            'Connects their own goals to concrete parts of the role and our product.',
            'Has a specific, well-informed case for this role and has already thought about where they would add value.',
          ],
        },
        {
          id: 'basic-role-fit',
          name: 'Basic role fit',
          keyRisk: false,
          description:
            'Do the practical facts line up — availability, location, right to work, salary — and do the first technical instincts suit the job?',
          anchors: [
            'A hard blocker on practicalities, or honesty concerns about the CV.',
            'Several practical points need negotiating and the screening answers were shaky.',
            'Practicalities work and the screening answers show a reasonable starting point.',
            'Practicalities are straightforward and the screening answers show sound backend instincts.',
            'No practical friction at all, and the screening answers already go to the heart of both problems.',
          ],
        },
      ],
    },
    {
      id: 'main-interview',
      name: 'Main interview',
      minutesMin: 45,
      minutesMax: 75,
      optional: false,
      conductedBy: 'Hiring manager together with one team member from a neighbouring role',
      goal: 'Test depth rather than breadth: how the candidate works through two realistic backend problems, reflects on their own past work, and behaves under deadlines and disagreement.',
      agenda: [
        {
          title: 'Welcome',
          minutesMin: 5,
          minutesMax: 5,
          description:
            'Introduce both interviewers and say that we will go deep on a few topics instead of covering many lightly.',
        },
        {
          title: 'Two scenarios',
          minutesMin: 20,
          minutesMax: 30,
          description:
            'Work through Scenario A and Scenario B. Let the candidate lead; ask follow-ups that push one level deeper.',
        },
        {
          title: 'Past work',
          minutesMin: 10,
          minutesMax: 15,
          description:
            'The candidate chooses a project they are proud of; use the past-work questions to explore it.',
        },
        {
          title: 'Working style',
          minutesMin: 5,
          minutesMax: 10,
          description: 'Ask about deadlines, giving and receiving feedback, and handling disagreement.',
        },
        {
          title: 'Candidate’s questions',
          minutesMin: 10,
          minutesMax: 10,
          description: 'Hand the time over to the candidate and note what they choose to ask.',
        },
      ],
      prompts: [
        {
          kind: 'scenario',
          label: 'Scenario A',
          block: 'Two scenarios',
          text: 'Our AI content-generation queue backs up at peak load, and the p95 latency of the user-facing ‘generate’ call has climbed from 4s to 14s. Talk us through how you would investigate, step by step and in the order you would do it.',
        },
        {
          kind: 'scenario',
          label: 'Scenario B',
          block: 'Two scenarios',
          text: 'We are bringing in a new sub-processor that provides AI translation. Seen from the backend, what has to change? Cover the code, the configuration, the tests and the deployment.',
        },
        {
          kind: 'question',
          label: 'Past work: goal',
          block: 'Past work',
          text: 'What was the project trying to achieve, and how did you know whether it succeeded?',
        },
        {
          kind: 'question',
          label: 'Past work: trade-offs',
          block: 'Past work',
          text: 'Which trade-offs did you make along the way, and what did you give up with each one?',
        },
        {
          kind: 'question',
          label: 'Past work: hindsight',
          block: 'Past work',
          text: 'Knowing what you know now, what would you change, and what did the project teach you?',
        },
        {
          kind: 'question',
          label: 'Past work: people',
          block: 'Past work',
          text: 'Who else worked on it, and which part was yours alone?',
        },
        {
          kind: 'question',
          label: 'Working style: deadlines',
          block: 'Working style',
          text: 'Tell us about a deadline you could see slipping. When did you raise it, and with whom?',
        },
        {
          kind: 'question',
          label: 'Working style: feedback',
          block: 'Working style',
          text: 'Describe a piece of critical feedback you received on your work and what you did with it.',
        },
        {
          kind: 'question',
          label: 'Working style: disagreement',
          block: 'Working style',
          text: 'Think of a technical disagreement with a colleague. How was it settled, and would you settle it the same way again?',
        },
      ],
      categories: [
        {
          id: 'technical-depth',
          name: 'Role-specific technical depth',
          keyRisk: true,
          description:
            'Does the candidate know backend systems well enough to reason about latency, queues, third-party integrations and deployment from experience rather than from buzzwords?',
          anchors: [
            'Relies on vague terms; cannot name a concrete metric, tool or failure mode for either scenario.',
            'Knows the vocabulary but the reasoning stops at the first layer, e.g. “add more servers”.',
            'Sound grasp of the usual causes and changes; needs prompting to go below the obvious.',
            'Reasons from first-hand experience, names specific measurements and risks, and goes deeper unprompted.',
            'Brings insight we had not considered, such as a subtle queueing or contract risk, and explains it precisely.',
          ],
        },
        {
          id: 'problem-decomposition',
          name: 'Problem decomposition',
          keyRisk: false,
          description:
            'Does the candidate break an open problem into ordered, testable steps and choose what to check first for a reason?',
          anchors: [
            'Jumps straight to a fix without working out what is actually wrong.',
            'Lists possible causes in no particular order and with no way to tell them apart.',
            'Follows a reasonable order but does not explain why each step comes before the next.',
            'Sets out a clear sequence, cheapest and most telling checks first, and says what each result would rule out.',
            'Structures the problem so well that each step narrows the search sharply, and adapts the plan as new facts arrive.',
          ],
        },
        {
          id: 'working-style-fit',
          name: 'Working-style fit',
          keyRisk: false,
          description:
            'Will the way the candidate handles deadlines, feedback and disagreement work well in our team?',
          anchors: [
            'Examples show blame, hidden problems or refusing feedback.',
            'Handles these situations passively; tends to wait for others to notice problems.',
            'Reasonable examples, though described in general terms rather than specific events.',
            'Specific examples of raising risks early, acting on feedback and resolving disagreements constructively.',
            'Shows habits that would make the team better, such as turning a disagreement into a shared decision record.',
          ],
        },
        {
          id: 'communication-of-judgement',
          name: 'Communication of judgement',
          keyRisk: false,
          description:
            'Does the candidate make their reasoning visible — assumptions, options, trade-offs — so others can challenge it?',
          anchors: [
            'Gives conclusions with no reasoning, or cannot say why they chose one option over another.',
            'Explains reasoning only when pressed, and assumptions stay hidden.',
            'States the main trade-off behind each choice, though some assumptions go unsaid.',
            'Names assumptions, weighs options aloud and says what would change their mind.',
            'Makes their judgement easy to audit: clear options, explicit risks, and a recommendation with its limits stated.',
          ],
        },
        {
          id: 'candidate-questions',
          name: 'Candidate’s questions',
          keyRisk: false,
          description:
            'Do the candidate’s own questions show curiosity about the work, the team and how decisions get made?',
          anchors: [
            'No questions, or only about perks and hours.',
            'Generic questions that could be asked of any company.',
            'A few relevant questions about the team or the technology.',
            'Pointed questions that build on what they heard during the interview.',
            'Questions that reveal real insight into our challenges and help both sides judge the fit.',
          ],
        },
      ],
    },
    {
      id: 'practical-test',
      name: 'Practical test interview',
      minutesMin: 30,
      minutesMax: 45,
      optional: true,
      runsWhen: 'The candidate has handed in a take-home test.',
      conductedBy: 'Hiring manager and the second interviewer from the main interview',
      goal: 'Find out how the candidate defends and adjusts their own take-home work when it is questioned and when the rules change.',
      agenda: [
        {
          title: 'Candidate presents',
          minutesMin: 10,
          minutesMax: 10,
          description:
            'The candidate walks us through their submission, either talking freely or with no more than three slides.',
        },
        {
          title: 'Probing design decisions',
          minutesMin: 15,
          minutesMax: 25,
          description:
            'Ask structured follow-ups on the main design choices; the aim is to see their judgement when challenged.',
        },
        {
          title: 'Curveball',
          minutesMin: 5,
          minutesMax: 10,
          description: 'Introduce one constraint the original test did not mention and watch how they adapt.',
        },
      ],
      prompts: [
        {
          kind: 'instruction',
          label: 'Presentation',
          block: 'Candidate presents',
          text: 'Please take about ten minutes to show us what you built and the main choices you made. Slides are optional; three at most.',
        },
        {
          kind: 'question',
          label: 'Design probe',
          block: 'Probing design decisions',
          text: 'Pick the decision you are least sure about. What alternatives did you weigh, and what would make you switch?',
        },
        {
          kind: 'question',
          label: 'Ownership probe',
          block: 'Probing design decisions',
          text: 'Show us the part of the code you found hardest to get right and explain how you got there.',
        },
        {
          kind: 'curveball',
          label: 'Curveball',
          block: 'Curveball',
          text: 'Suppose the service now has to keep working while its main data store is read-only for an hour. What in your solution changes, and what do you do first?',
        },
      ],
      categories: [
        {
          id: 'justifies-decisions',
          name: 'Justifies decisions clearly',
          keyRisk: true,
          description:
            'Can the candidate explain why the submission is built the way it is, with reasons that hold up under questioning?',
          anchors: [
            'Cannot say why key parts were built as they are, or gives reasons that contradict the code.',
            'Offers reasons only for the simplest choices; the harder ones are put down to habit.',
            'Explains most choices sensibly, though alternatives were rarely considered.',
            'Gives a clear rationale for each major choice, including what was rejected and why.',
            'Defends choices crisply, concedes weak spots honestly and shows how they would test their own assumptions.',
          ],
        },
        {
          id: 'adapts-to-constraints',
          name: 'Adapts to new constraints',
          keyRisk: true,
          description:
            'When the curveball lands, does the candidate adjust the design sensibly instead of defending the original or starting over?',
          anchors: [
            'Ignores the new constraint or insists the original design already covers it when it does not.',
            'Recognises the change but proposes a rewrite without weighing smaller options.',
            'Finds a workable adjustment after some prompting.',
            'Quickly identifies what the constraint breaks and proposes a proportionate change with its cost.',
            'Turns the constraint into a better design and explains the new trade-offs and how to roll it out safely.',
          ],
        },
        {
          id: 'own-work',
          name: 'Produced the work themselves',
          keyRisk: false,
          description: 'Is it evident that the candidate wrote and understands the submission in detail?',
          anchors: [
            'Cannot explain sections of their own code; strong sign the work is not theirs.',
            'Explains the overall idea but stumbles on details of the implementation.',
            'Knows the code well enough to navigate it and explain most parts.',
            'Moves around the code confidently and recalls why specific lines are there.',
            'Knows every corner of the work, including dead ends they tried and removed.',
          ],
        },
        {
          id: 'depth-beyond-surface',
          name: 'Depth beyond the surface',
          keyRisk: false,
          description:
            'Does the candidate think past the test brief to production concerns such as failure, scale and maintenance?',
          anchors: [
            'Treats the test as finished once it runs; no thought about anything outside the brief.',
            'Mentions production concerns only when asked, and only in general terms.',
            'Identifies the obvious gaps between the test and a real deployment.',
            'Raises failure modes, observability and maintenance concerns on their own initiative.',
            'Shows a thorough view of running this in production, with specific priorities for hardening it.',
          ],
        },
      ],
    },
  ],
  passRule: { minAverage: 4, minCategory: 3, minKeyRisk: 4 },
  decision: {
    scorers: 2,
    maxGap: 1,
    decider: 'Hiring manager',
    veto: { holder: 'Second interviewer', scope: 'culture fit' },
    steps: [
      'Both interviewers debrief as soon as the interview ends, while details are fresh.',
      'Each interviewer scores every category alone, before seeing the other’s scores.',
      'The two score sets are compared and reconciled into one.',
      'Any category where the two scores are more than 1 point apart is talked through, reasoning and evidence first, before a final score is agreed.',
      'The hiring manager makes the hiring decision.',
      'The second interviewer may veto the hire on culture-fit grounds.',
    ],
  },
};
