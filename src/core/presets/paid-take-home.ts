/**
 * Seed 002: a six-stage Backend Engineer process centred on a paid API and data-model take-home, scored
 * against a published rubric by two engineers and then defended in a live systems interview.
 */
import type { Process } from '../process';

export const paidTakeHome: Process = {
  id: 'paid-take-home',
  name: 'Backend Engineer (paid take-home + systems interview)',
  role: 'Backend Engineer',
  summary:
    'An application, a paid 3–4 hour API and data-model take-home with a hard deadline, a two-reviewer rubric code review, a systems interview on the candidate’s own code, two references, and an offer within 48 hours. About two weeks end to end.',
  source: '002',
  stages: [
    {
      id: 'application',
      name: 'Application',
      minutesMin: 0,
      minutesMax: 0,
      optional: false,
      conductedBy: 'Hiring manager',
      goal: 'Find applicants who have owned real systems and can say plainly what they built, what failed in production and what they want to own next.',
      agenda: [
        {
          title: 'Read what they built',
          minutesMin: 0,
          minutesMax: 0,
          description: 'Note which systems the applicant owned outright and which they contributed to.',
        },
        {
          title: 'Read what broke',
          minutesMin: 0,
          minutesMax: 0,
          description: 'Look at how they describe a production failure and their part in fixing it.',
        },
        {
          title: 'Decide on the take-home',
          minutesMin: 0,
          minutesMax: 0,
          description: 'Score the application and invite suitable applicants to the paid take-home.',
        },
      ],
      prompts: [
        {
          kind: 'instruction',
          label: 'Application form',
          text: 'Tell us about systems you have built: which parts you owned, what went wrong in production, and what you would like to own with us. No formal cover letter needed.',
        },
        {
          kind: 'check',
          label: 'Substance over polish',
          text: 'Judge the substance of what the applicant owned and learned; do not reward or penalise writing style or the absence of a cover letter.',
        },
      ],
      categories: [
        {
          id: 'system-ownership',
          name: 'System ownership',
          keyRisk: true,
          description:
            'Has the applicant been responsible for backend systems, not just tickets within them?',
          anchors: [
            'No system they can call their own; only isolated tasks described.',
            'Contributed features to systems owned by others.',
            'Owned at least one component or service end to end.',
            'Owned several services, including their data model and operation.',
            'Owned critical systems through design, launch and long-term running, with results to show.',
          ],
        },
        {
          id: 'production-learning',
          name: 'Learning from production',
          keyRisk: false,
          description:
            'Does the applicant describe a real production failure candidly and show what it taught them?',
          anchors: [
            'Claims nothing has ever broken, or blames others entirely.',
            'Mentions an incident without saying what they did or learned.',
            'Describes an incident and a reasonable fix.',
            'Describes the root cause, their role and the lasting change they made.',
            'Shows a mature incident mindset: detection, fix, prevention and sharing the lesson.',
          ],
        },
        {
          id: 'ownership-appetite',
          name: 'What they want to own',
          keyRisk: false,
          description:
            'Does what the applicant wants to own here match the APIs, data and infrastructure this role covers?',
          anchors: [
            'Wants to own something this role does not include.',
            'No clear answer about what they would like to own.',
            'A sensible interest that overlaps with the role.',
            'A specific interest in the APIs, data models or infrastructure we need owned.',
            'A clear, ambitious plan for what they would own that fits our needs closely.',
          ],
        },
      ],
    },
    {
      id: 'paid-take-home',
      name: 'Paid take-home: API & data model',
      minutesMin: 180,
      minutesMax: 240,
      optional: false,
      conductedBy: 'Candidate, working alone on a private repository we provide',
      goal: 'Observe how the candidate models data and designs an API on a realistic slice of backend work, under the same time limit as everyone else.',
      agenda: [
        {
          title: 'Set up and read the rubric',
          minutesMin: 15,
          minutesMax: 20,
          description: 'Clone the scaffold, run the test framework and read the grading rubric.',
        },
        {
          title: 'Model the data and design the API',
          minutesMin: 60,
          minutesMax: 90,
          description: 'Decide on entities, relationships and endpoints before writing much code.',
        },
        {
          title: 'Build and test',
          minutesMin: 90,
          minutesMax: 110,
          description: 'Implement the API with tests, committing as you go.',
        },
        {
          title: 'Final notes',
          minutesMin: 15,
          minutesMax: 20,
          description: 'Write a short README on trade-offs and open questions before the clock runs out.',
        },
      ],
      prompts: [
        {
          kind: 'instruction',
          label: 'The task',
          text: 'Using the scaffold in your private repository, design a small API and the data model behind it. This is everyday backend work, not a puzzle; setup, tests and the rubric we will score against are all included.',
        },
        {
          kind: 'instruction',
          label: 'Deadline',
          text: 'The time limit is fixed and the same for everyone. When the deadline arrives the repository is submitted automatically, as it stands, so commit your work regularly.',
        },
        {
          kind: 'instruction',
          label: 'Payment',
          text: 'We pay $400 USD for the take-home, whatever the outcome. Plan for about three to four hours of work.',
        },
        {
          kind: 'check',
          label: 'Before sending the invite',
          text: 'Confirm the repository contains the scaffold, the test setup and the rubric, the deadline is configured to auto-submit, and payment details are arranged.',
        },
      ],
      categories: [
        {
          id: 'brief-coverage',
          name: 'Coverage of the brief',
          keyRisk: false,
          description:
            'By the deadline, how much of the requested API and data model did the submission deliver?',
          anchors: [
            'Little beyond the scaffold was submitted.',
            'Part of the API exists but key endpoints or entities are missing.',
            'The core of the brief is delivered; extras are missing.',
            'The whole brief is delivered and working.',
            'The whole brief is delivered with thoughtful, well-judged extras that stay within scope.',
          ],
        },
        {
          id: 'runs-as-submitted',
          name: 'Runs as submitted',
          keyRisk: false,
          description:
            'Can a reviewer set up and run the submission and its tests from the repository alone?',
          anchors: [
            'Does not start, or tests fail to run at all.',
            'Runs only after the reviewer fixes setup problems.',
            'Runs with the scaffold’s standard steps; some tests fail.',
            'Runs cleanly and all tests pass.',
            'Runs cleanly, tests pass, and the README makes every step obvious.',
          ],
        },
      ],
    },
    {
      id: 'rubric-code-review',
      name: 'Rubric code review',
      minutesMin: 0,
      minutesMax: 0,
      optional: false,
      conductedBy: 'Two engineers, each reviewing independently against the published rubric',
      goal: 'Replace gut feeling with specific, arguable observations by scoring the submission against the rubric the candidate already saw.',
      agenda: [
        {
          title: 'First engineer scores',
          minutesMin: 0,
          minutesMax: 0,
          description: 'Reviewer one scores every rubric category alone, with written evidence.',
        },
        {
          title: 'Second engineer scores',
          minutesMin: 0,
          minutesMax: 0,
          description: 'Reviewer two does the same without seeing reviewer one’s scores.',
        },
        {
          title: 'Compare and write feedback',
          minutesMin: 0,
          minutesMax: 0,
          description:
            'Compare scores, settle large gaps, and write the feedback the candidate will receive.',
        },
      ],
      prompts: [
        {
          kind: 'check',
          label: 'Independence',
          text: 'Do not look at or discuss the other reviewer’s scores until both score sets are saved.',
        },
        {
          kind: 'check',
          label: 'Evidence',
          text: 'For every score, point to the file, function or commit that justifies it.',
        },
        {
          kind: 'check',
          label: 'Written feedback',
          text: 'Send the candidate written feedback whether or not they move forward.',
        },
      ],
      categories: [
        {
          id: 'data-model-choices',
          name: 'Data-model choices',
          keyRisk: true,
          description:
            'Are entities, relationships, keys and constraints chosen so the data stays correct and easy to query?',
          anchors: [
            'The model cannot represent the brief correctly, or allows obviously invalid data.',
            'Works for the happy path but has missing constraints or awkward relationships.',
            'A reasonable model with sensible keys; a few constraints left to application code.',
            'A clean model with constraints in the right place and indexes that match the queries.',
            'A model that anticipates change and integrity problems, with its reasoning written down.',
          ],
        },
        {
          id: 'error-handling',
          name: 'Error handling',
          keyRisk: false,
          description:
            'Does the API fail predictably, with correct status codes and useful messages, when input or dependencies go wrong?',
          anchors: [
            'Errors crash the service or leak internals to the client.',
            'Some errors caught, but with generic responses and wrong status codes.',
            'Common errors return sensible status codes and messages.',
            'Consistent, well-structured error responses covering validation and dependency failures.',
            'Errors are designed as part of the API contract, documented and tested.',
          ],
        },
        {
          id: 'test-quality',
          name: 'Test quality',
          keyRisk: false,
          description: 'Do the tests cover behaviour that matters and would catch a real regression?',
          anchors: [
            'No meaningful tests.',
            'A few tests that mostly check the scaffold or trivial paths.',
            'Tests for the main endpoints’ success cases.',
            'Tests for success and failure cases, readable and independent of each other.',
            'A focused suite that would catch subtle regressions, with clear intent behind each test.',
          ],
        },
        {
          id: 'commit-history',
          name: 'Commit history',
          keyRisk: false,
          description: 'Does the commit history tell the story of the work in small, sensible steps?',
          anchors: [
            'One large commit, or messages that say nothing.',
            'A handful of commits mixing unrelated changes.',
            'Reasonable commits with understandable messages.',
            'Small, focused commits whose messages explain why, not just what.',
            'A history a reviewer could use to follow and review the design as it evolved.',
          ],
        },
      ],
    },
    {
      id: 'systems-interview',
      name: 'Systems interview',
      minutesMin: 60,
      minutesMax: 75,
      optional: false,
      conductedBy: 'Hiring manager and one of the two code reviewers',
      goal: 'Use the candidate’s own take-home as the agenda: have them explain it, then extend it live for scale, operations and redesign. No whiteboard.',
      agenda: [
        {
          title: 'Walkthrough',
          minutesMin: 10,
          minutesMax: 15,
          description: 'The candidate explains the submission and the choices behind it.',
        },
        {
          title: 'Scale it',
          minutesMin: 15,
          minutesMax: 20,
          description: 'Explore what breaks first at a hundred times the traffic and how to fix it.',
        },
        {
          title: 'Run it',
          minutesMin: 10,
          minutesMax: 15,
          description: 'Discuss what to monitor and alert on once this is live.',
        },
        {
          title: 'Redesign',
          minutesMin: 10,
          minutesMax: 15,
          description: 'Ask what the candidate would change given one more week.',
        },
        {
          title: 'Candidate’s questions',
          minutesMin: 5,
          minutesMax: 10,
          description: 'Answer questions about the team, the systems and how we work.',
        },
      ],
      prompts: [
        {
          kind: 'scenario',
          label: '100x traffic',
          block: 'Scale it',
          text: 'Traffic to your API grows a hundredfold overnight. Which part gives way first, how would you notice, and what would you change?',
        },
        {
          kind: 'question',
          label: 'Monitoring',
          block: 'Run it',
          text: 'You are on call for this service next week. Which metrics, logs and alerts do you want in place before then?',
        },
        {
          kind: 'question',
          label: 'Another week',
          block: 'Redesign',
          text: 'If you had one more week on this, what would you redesign rather than just finish, and why?',
        },
        {
          kind: 'question',
          label: 'Review feedback',
          block: 'Walkthrough',
          text: 'Our reviewers raised one point on your submission; here it is. Do you agree, and what would you do about it?',
        },
        {
          kind: 'check',
          label: 'Own code only',
          text: 'Keep the conversation on the candidate’s submission; do not switch to whiteboard puzzles.',
        },
      ],
      categories: [
        {
          id: 'scaling-judgement',
          name: 'Scaling judgement',
          keyRisk: true,
          description:
            'Can the candidate predict where their own design breaks under load and propose proportionate fixes?',
          anchors: [
            'Cannot say where the design would fail, or says it will simply scale.',
            'Names generic fixes such as caching without linking them to a bottleneck.',
            'Identifies the likely first bottleneck and a reasonable remedy.',
            'Ranks bottlenecks, proposes fixes in order, and notes the cost of each.',
            'Pinpoints bottlenecks precisely, including less obvious ones, with a staged and measured plan.',
          ],
        },
        {
          id: 'operational-awareness',
          name: 'Operational awareness',
          keyRisk: false,
          description:
            'Does the candidate know what to watch in production and how they would learn that something is wrong?',
          anchors: [
            'No idea what to monitor beyond whether the server is up.',
            'Lists metrics without saying which ones matter or why.',
            'Chooses sensible metrics and basic alerts.',
            'Ties metrics and alerts to user impact and sets thresholds sensibly.',
            'Designs observability that would shorten real incidents, with dashboards, alerts and runbooks in mind.',
          ],
        },
        {
          id: 'self-critique',
          name: 'Honest self-critique',
          keyRisk: false,
          description:
            'Can the candidate see the weaknesses of their own submission and say what they would redesign?',
          anchors: [
            'Defends everything and sees no weaknesses.',
            'Admits weaknesses only when they are pointed out.',
            'Names a couple of weaknesses and reasonable improvements.',
            'Gives a frank, prioritised list of what to redesign and why.',
            'Critiques their own work as sharply as a senior reviewer would, and learns visibly during the conversation.',
          ],
        },
      ],
    },
    {
      id: 'references',
      name: 'References',
      minutesMin: 20,
      minutesMax: 40,
      optional: false,
      conductedBy: 'Hiring manager, in two short calls',
      goal: 'Confirm what we have seen with two people who worked with the candidate: ideally an engineer who shipped a system with them and someone who managed them.',
      agenda: [
        {
          title: 'Peer engineer call',
          minutesMin: 10,
          minutesMax: 20,
          description: 'Talk to an engineer who built and shipped a system alongside the candidate.',
        },
        {
          title: 'Manager call',
          minutesMin: 10,
          minutesMax: 20,
          description: 'Talk to someone who managed the candidate.',
        },
      ],
      prompts: [
        {
          kind: 'check',
          label: 'Two references',
          text: 'Arrange exactly two calls: one with a peer engineer who shipped with the candidate and one with a former manager. Complete both soon after the systems interview so the 48-hour offer promise can be kept.',
        },
        {
          kind: 'question',
          label: 'Peer question',
          block: 'Peer engineer call',
          text: 'What did the candidate own on the system you built together, and how did they behave when it broke?',
        },
        {
          kind: 'question',
          label: 'Manager question',
          block: 'Manager call',
          text: 'What kind of work would you give this person without hesitation, and where did they need support?',
        },
      ],
      categories: [
        {
          id: 'peer-confirmation',
          name: 'Peer confirmation',
          keyRisk: false,
          description: 'Does the peer engineer confirm the candidate’s technical ownership and conduct?',
          anchors: [
            'The peer contradicts the candidate’s account or raises serious concerns.',
            'Lukewarm account with hints of problems.',
            'Confirms the candidate’s account in general terms.',
            'Confirms ownership with specific, positive examples.',
            'Strong, specific praise; the peer would actively seek to work with them again.',
          ],
        },
        {
          id: 'manager-confirmation',
          name: 'Manager confirmation',
          keyRisk: false,
          description:
            'Does the former manager confirm reliability, growth and fit for the responsibility we have in mind?',
          anchors: [
            'The manager would not rehire, or describes serious reliability problems.',
            'Mixed account with concerns that match doubts from our interviews.',
            'Positive but general account.',
            'Specific examples of reliability and growth that match the role.',
            'The manager describes them as one of the strongest people they have managed, with evidence.',
          ],
        },
      ],
    },
    {
      id: 'offer',
      name: 'Offer',
      minutesMin: 15,
      minutesMax: 30,
      optional: false,
      conductedBy: 'Hiring manager',
      goal: 'Make a complete, clear offer quickly: pay, equity and the team’s ways of working, all in writing.',
      agenda: [
        {
          title: 'Offer call',
          minutesMin: 10,
          minutesMax: 20,
          description: 'Present salary, equity and working arrangements, and answer questions.',
        },
        {
          title: 'Written offer',
          minutesMin: 5,
          minutesMax: 10,
          description: 'Send the offer in writing with every term spelled out.',
        },
      ],
      prompts: [
        {
          kind: 'check',
          label: '48-hour promise',
          text: 'The offer must reach the candidate no more than 48 hours after their systems interview. If anything will delay it, tell the candidate before the deadline passes.',
        },
        {
          kind: 'check',
          label: 'Complete terms',
          text: 'Check that salary, equity and a description of how the team works are all written into the offer.',
        },
      ],
      categories: [
        {
          id: 'terms-clarity',
          name: 'Clarity of terms',
          keyRisk: false,
          description: 'Did the candidate understand and accept every term of the offer without surprises?',
          anchors: [
            'The candidate was confused or surprised by key terms.',
            'Several terms needed follow-up clarification.',
            'Terms understood with a few routine questions.',
            'Terms understood at once; questions were about details only.',
            'Fully understood and welcomed; the candidate remarked on how clear the offer was.',
          ],
        },
        {
          id: 'mutual-commitment',
          name: 'Mutual commitment',
          keyRisk: false,
          description: 'How firm is the candidate’s intent to join, judged from the offer conversation?',
          anchors: [
            'Signals they are likely to decline or are using the offer as leverage.',
            'Undecided, with major open concerns.',
            'Interested, with a few questions to settle.',
            'Keen, with only minor practicalities left.',
            'Ready to accept and already talking about their first weeks.',
          ],
        },
      ],
      serviceLevel: {
        within: 48,
        unit: 'hours',
        description: 'Candidates receive an offer within 48 hours of their systems interview.',
      },
    },
  ],
  passRule: { minAverage: 4, minCategory: 3, minKeyRisk: 4 },
  decision: {
    scorers: 2,
    maxGap: 1,
    decider: 'Hiring manager',
    steps: [
      'Two engineers score the take-home against the published rubric, each without seeing the other’s scores.',
      'Any rubric category where their scores differ by more than 1 point is discussed with evidence from the code before a score is agreed.',
      'The candidate receives written feedback from the review, whatever the outcome.',
      'After the systems interview and both reference calls, the hiring manager decides.',
      'An offer goes out within 48 hours of the systems interview.',
    ],
  },
};
