/**
 * Seed 001: a five-stage Backend Software Engineer process, with a separate panel for each stage — paper
 * screening, HR conversation, technical assessment, technical interview, and a behavioural & team-fit close.
 */
import type { Process } from '../process';

export const fiveStageBackend: Process = {
  id: 'five-stage-backend',
  name: 'Backend Engineer (five stages, separate panels)',
  role: 'Software Engineer – Backend',
  summary:
    'Application screening, an HR conversation, a timed technical assessment, a technical interview with senior engineers and a behavioural & team-fit interview, each run by its own panel over roughly two to three weeks.',
  source: '001',
  stages: [
    {
      id: 'application-screening',
      name: 'Application screening',
      minutesMin: 0,
      minutesMax: 0,
      optional: false,
      conductedBy: 'HR team',
      goal: 'Decide from the CV and cover letter whether the applicant’s qualifications and experience match what the role needs, and contact the shortlist promptly.',
      agenda: [
        {
          title: 'Read the CV',
          minutesMin: 0,
          minutesMax: 0,
          description: 'Compare qualifications and work history against the role’s must-have requirements.',
        },
        {
          title: 'Read the cover letter',
          minutesMin: 0,
          minutesMax: 0,
          description: 'Look for why the applicant wants this role and how they describe their own work.',
        },
        {
          title: 'Shortlist decision',
          minutesMin: 0,
          minutesMax: 0,
          description:
            'Record the scores, mark the applicant as shortlisted or not, and contact the shortlist.',
        },
      ],
      prompts: [
        {
          kind: 'check',
          label: 'Requirements first',
          text: 'Score against the written requirements for the role, not against how polished the document looks.',
        },
        {
          kind: 'check',
          label: 'Contact deadline',
          text: 'Make sure every shortlisted applicant has been contacted before the 7th business day after applying.',
        },
      ],
      categories: [
        {
          id: 'qualifications',
          name: 'Qualifications',
          keyRisk: false,
          description: 'Does the applicant’s background give them the grounding the role assumes?',
          anchors: [
            'Background is unrelated to backend development and shows no substitute training.',
            'Some related study or training, but well short of what the role assumes.',
            'Meets the stated baseline through education, training or equivalent experience.',
            'Comfortably exceeds the baseline with relevant, recent learning.',
            'Outstanding grounding, e.g. deep specialist training directly relevant to our stack.',
          ],
        },
        {
          id: 'relevant-experience',
          name: 'Relevant experience',
          keyRisk: true,
          description:
            'Has the applicant built and run backend services similar to ours — APIs, databases, cloud hosting?',
          anchors: [
            'No evidence of backend work in a team or in production.',
            'Backend exposure is limited to coursework or small side projects.',
            'Has shipped backend features in production with a mainstream language and framework.',
            'Has owned services end to end, including APIs, data storage and cloud deployment.',
            'Has led backend systems at a scale or complexity beyond ours, with clear outcomes described.',
          ],
        },
        {
          id: 'role-alignment',
          name: 'Alignment with the role',
          keyRisk: false,
          description: 'Does what the applicant says they want match what this job will ask of them?',
          anchors: [
            'The application is aimed at a different kind of job.',
            'Generic application with no mention of this role or its work.',
            'Reasonable match between stated interests and the role.',
            'Clearly tailored; connects their experience to specific parts of the role.',
            'Makes a compelling, specific case that this role is the natural next step for them.',
          ],
        },
      ],
      serviceLevel: {
        within: 7,
        unit: 'businessDays',
        description: 'Applicants who make the shortlist hear from us within 5–7 business days.',
      },
    },
    {
      id: 'hr-interview',
      name: 'Initial HR interview',
      minutesMin: 30,
      minutesMax: 45,
      optional: false,
      conductedBy: 'Talent acquisition specialist or HR manager, by phone or video',
      goal: 'Understand the candidate’s background, career direction and reasons for applying, and judge their communication and fit with the organisation.',
      agenda: [
        {
          title: 'Introductions',
          minutesMin: 5,
          minutesMax: 5,
          description:
            'Explain the process ahead, how long it usually takes and who the candidate will meet.',
        },
        {
          title: 'Background',
          minutesMin: 10,
          minutesMax: 15,
          description: 'Walk through the candidate’s career so far in their own words.',
        },
        {
          title: 'Goals and motivation',
          minutesMin: 10,
          minutesMax: 15,
          description: 'Explore where they want to go next and why this role fits that.',
        },
        {
          title: 'Logistics and questions',
          minutesMin: 5,
          minutesMax: 10,
          description: 'Confirm availability and location, then answer the candidate’s questions.',
        },
      ],
      prompts: [
        {
          kind: 'question',
          label: 'Career story',
          block: 'Background',
          text: 'Take us through the roles you have held and what made you move from one to the next.',
        },
        {
          kind: 'question',
          label: 'Next step',
          block: 'Goals and motivation',
          text: 'What do you want your next two years to look like, and what part could this role play?',
        },
        {
          kind: 'question',
          label: 'Explaining work',
          block: 'Background',
          text: 'Describe a backend project you worked on so that someone outside engineering would understand why it mattered.',
        },
        {
          kind: 'check',
          label: 'Honest picture',
          block: 'Logistics and questions',
          text: 'Invite the candidate to be candid about their experience level and availability, and note any gaps between this and the CV.',
        },
      ],
      categories: [
        {
          id: 'communication',
          name: 'Communication',
          keyRisk: true,
          description: 'Is the candidate clear and concise when describing their work and ideas?',
          anchors: [
            'Hard to follow; answers rarely address the question that was asked.',
            'Understandable with effort; answers are long and unfocused.',
            'Clear on most topics, with occasional rambling.',
            'Concise and well-structured; adjusts detail to the listener.',
            'Exceptionally clear; makes technical work easy to grasp for anyone.',
          ],
        },
        {
          id: 'motivation',
          name: 'Motivation',
          keyRisk: false,
          description: 'Does the candidate have real, specific reasons for wanting this role?',
          anchors: [
            'Cannot say why they applied, or is mainly looking to leave their current job.',
            'Vague interest in the field with nothing specific to us.',
            'Sensible reasons that fit the role.',
            'Specific reasons tied to the work and their own goals.',
            'A well-researched, persuasive case that the role fits their direction.',
          ],
        },
        {
          id: 'organisational-fit',
          name: 'Organisational fit',
          keyRisk: false,
          description:
            'Would the candidate’s values and ways of working sit well with how the organisation operates?',
          anchors: [
            'Expressed values or expectations clash with how we work.',
            'Several points of friction that would need careful handling.',
            'No obvious clashes; a neutral fit.',
            'Values and working preferences clearly match ours.',
            'Would actively strengthen the way the organisation works.',
          ],
        },
      ],
    },
    {
      id: 'technical-assessment',
      name: 'Technical assessment',
      minutesMin: 60,
      minutesMax: 120,
      optional: false,
      conductedBy: 'A technical lead or senior engineer reviewing the submission',
      goal: 'See how the candidate handles real backend tasks — designing an API, writing efficient queries or solving an algorithmic problem — in a mainstream backend language.',
      agenda: [
        {
          title: 'Read the brief',
          minutesMin: 5,
          minutesMax: 10,
          description: 'The candidate reads the task and sets up the coding environment or online platform.',
        },
        {
          title: 'Build the solution',
          minutesMin: 45,
          minutesMax: 95,
          description: 'The candidate works on the task in their chosen backend language.',
        },
        {
          title: 'Wrap up and submit',
          minutesMin: 5,
          minutesMax: 10,
          description: 'The candidate adds short notes on their approach and any known gaps, then submits.',
        },
      ],
      prompts: [
        {
          kind: 'instruction',
          label: 'Task brief',
          block: 'Read the brief',
          text: 'Build a small REST API backed by a database for the scenario provided, or solve the algorithmic task, in Python, Java or Node.js. You have between one and two hours.',
        },
        {
          kind: 'instruction',
          label: 'Submission notes',
          block: 'Wrap up and submit',
          text: 'Add a few lines explaining your approach, anything you left out and what you would do with more time.',
        },
        {
          kind: 'check',
          label: 'Reviewer checklist',
          text: 'Review for correctness first, then code quality and adherence to good practice; write down specific evidence for every score.',
        },
      ],
      categories: [
        {
          id: 'correctness',
          name: 'Correctness',
          keyRisk: true,
          description: 'Does the solution do what the brief asks, including edge cases?',
          anchors: [
            'Does not run, or fails the main cases of the brief.',
            'Handles the main case but breaks on common inputs.',
            'Meets the brief for normal inputs; some edge cases missed.',
            'Meets the brief fully, including the edge cases we test.',
            'Fully correct and anticipates edge cases the brief never mentioned.',
          ],
        },
        {
          id: 'code-quality',
          name: 'Code quality',
          keyRisk: false,
          description: 'Is the code readable, well organised and easy to change?',
          anchors: [
            'Tangled, duplicated code that would be hard for anyone else to change.',
            'Works but is poorly named and structured.',
            'Readable and reasonably organised.',
            'Clean structure, good naming, small focused functions.',
            'Code a senior engineer would hold up as an example for the team.',
          ],
        },
        {
          id: 'api-and-data-design',
          name: 'API and data design',
          keyRisk: false,
          description: 'Are endpoints, data structures and queries designed sensibly and efficiently?',
          anchors: [
            'Endpoints or queries that are clearly wrong or wildly inefficient.',
            'Works but ignores REST conventions or issues wasteful queries.',
            'Conventional, adequate design with no major inefficiencies.',
            'Thoughtful resource design and efficient queries, with indexes or pagination where needed.',
            'Elegant design that would scale and evolve well, with the reasoning documented.',
          ],
        },
        {
          id: 'best-practices',
          name: 'Best practices',
          keyRisk: false,
          description:
            'Does the submission show professional habits — tests, error handling, configuration, documentation?',
          anchors: [
            'None of the basics: no tests, no error handling, secrets in code.',
            'One or two basics present but applied inconsistently.',
            'Covers the basics for a task of this size.',
            'Solid tests and error handling, with clear setup instructions.',
            'Professional throughout; could go to code review in a real team as it stands.',
          ],
        },
      ],
    },
    {
      id: 'technical-interview',
      name: 'Technical interview',
      minutesMin: 60,
      minutesMax: 90,
      optional: false,
      conductedBy: 'Technical lead plus one or two senior engineers',
      goal: 'Probe technical depth in backend technologies, system design and problem-solving, in person or on video.',
      agenda: [
        {
          title: 'Introductions',
          minutesMin: 5,
          minutesMax: 5,
          description: 'Panel members introduce themselves and outline the session.',
        },
        {
          title: 'System design',
          minutesMin: 20,
          minutesMax: 30,
          description:
            'The candidate sketches an architecture for a realistic backend problem and defends it.',
        },
        {
          title: 'Debugging exercise',
          minutesMin: 15,
          minutesMax: 20,
          description: 'The candidate finds and fixes a defect in a short piece of backend code.',
        },
        {
          title: 'Past projects',
          minutesMin: 10,
          minutesMax: 20,
          description: 'Discuss one or two projects in technical detail.',
        },
        {
          title: 'Candidate’s questions',
          minutesMin: 5,
          minutesMax: 10,
          description: 'Answer the candidate’s questions about the engineering team and its practices.',
        },
      ],
      prompts: [
        {
          kind: 'scenario',
          label: 'System design',
          block: 'System design',
          text: 'Design the backend for a service that accepts orders through a public API, stores them and notifies a warehouse system. Draw the main components and explain how data flows between them.',
        },
        {
          kind: 'scenario',
          label: 'Debugging',
          block: 'Debugging exercise',
          text: 'This endpoint sometimes returns another user’s data under load. Read the code, tell us what you suspect and how you would confirm it.',
        },
        {
          kind: 'question',
          label: 'Project deep-dive',
          block: 'Past projects',
          text: 'Choose a backend system you built. Where did it struggle in production, and how did you find out?',
        },
        {
          kind: 'question',
          label: 'Stack knowledge',
          block: 'Past projects',
          text: 'In the framework and cloud platform you know best, what has surprised you or caught you out?',
        },
      ],
      categories: [
        {
          id: 'backend-expertise',
          name: 'Backend expertise',
          keyRisk: true,
          description:
            'Does the candidate know their backend stack — language, framework, database, cloud — in practical depth?',
          anchors: [
            'Cannot go beyond tutorial-level descriptions of their own stack.',
            'Knows the common paths but not how things fail or perform.',
            'Solid working knowledge, including common pitfalls.',
            'Deep practical knowledge with war stories that hold up to follow-up questions.',
            'Expert level; explains internals and trade-offs of their stack with precision.',
          ],
        },
        {
          id: 'system-design',
          name: 'System design',
          keyRisk: false,
          description: 'Can the candidate design a coherent system and reason about its limits?',
          anchors: [
            'No coherent design; components are named but not connected.',
            'A basic design that ignores failure, scale or data consistency.',
            'A workable design that covers the main flows and one or two failure cases.',
            'A well-reasoned design with explicit trade-offs, failure handling and scaling path.',
            'A design that is simple yet robust, with insightful choices the panel learned from.',
          ],
        },
        {
          id: 'debugging',
          name: 'Debugging and problem-solving',
          keyRisk: false,
          description: 'Does the candidate find problems methodically instead of guessing?',
          anchors: [
            'Guesses at random or does not find the defect even with hints.',
            'Finds the defect only after substantial hints.',
            'Finds the defect with a reasonable, if slow, method.',
            'Forms and tests hypotheses quickly and explains the root cause.',
            'Pinpoints the root cause fast and also spots related risks in the surrounding code.',
          ],
        },
        {
          id: 'technical-communication',
          name: 'Technical communication',
          keyRisk: false,
          description: 'Can the candidate explain technical solutions and past work clearly to the panel?',
          anchors: [
            'The panel could not follow the reasoning.',
            'Understandable only after repeated clarification.',
            'Clear enough, with some jumps the panel had to fill in.',
            'Clear, structured explanations supported by diagrams or examples.',
            'Outstanding explanations that would work for both engineers and non-engineers.',
          ],
        },
      ],
    },
    {
      id: 'behavioural-team-fit',
      name: 'Behavioural & team-fit interview',
      minutesMin: 45,
      minutesMax: 60,
      optional: false,
      conductedBy:
        'Engineering manager with a senior colleague from another function, such as product or DevOps, sometimes joined by a client-facing representative',
      goal: 'Judge how the candidate collaborates, adapts to change and lives the team’s values in an agile, cross-functional setting.',
      agenda: [
        {
          title: 'Introductions',
          minutesMin: 5,
          minutesMax: 5,
          description: 'Explain that this conversation is about how the candidate works with others.',
        },
        {
          title: 'Collaboration stories',
          minutesMin: 15,
          minutesMax: 20,
          description: 'Ask for specific examples of working across roles and teams.',
        },
        {
          title: 'Change and adaptability',
          minutesMin: 10,
          minutesMax: 15,
          description: 'Explore how they handled shifting priorities or unfamiliar situations.',
        },
        {
          title: 'Values',
          minutesMin: 5,
          minutesMax: 10,
          description: 'Discuss what the candidate needs from a team and what they bring to one.',
        },
        {
          title: 'Candidate’s questions and close',
          minutesMin: 5,
          minutesMax: 5,
          description: 'Answer questions and explain what happens after this final stage.',
        },
      ],
      prompts: [
        {
          kind: 'question',
          label: 'Cross-functional work',
          block: 'Collaboration stories',
          text: 'Tell us about a time product, operations and engineering wanted different things from you. What did you do?',
        },
        {
          kind: 'question',
          label: 'Shifting priorities',
          block: 'Change and adaptability',
          text: 'Describe a sprint where the plan changed halfway through. How did you adjust, and how did you keep others informed?',
        },
        {
          kind: 'question',
          label: 'Team values',
          block: 'Values',
          text: 'What does a good teammate do that a merely competent one does not?',
        },
        {
          kind: 'question',
          label: 'Client contact',
          block: 'Collaboration stories',
          text: 'For client-facing projects: describe a conversation where you had to explain a technical limitation to a customer.',
        },
      ],
      categories: [
        {
          id: 'collaboration',
          name: 'Collaboration',
          keyRisk: true,
          description:
            'Does the candidate work well with people in other roles and share credit and problems openly?',
          anchors: [
            'Examples show working around colleagues or blaming them.',
            'Collaborates when required but prefers to work alone.',
            'Reliable teammate with reasonable examples of working with others.',
            'Actively seeks out other roles’ views and builds shared solutions.',
            'Makes the whole group more effective; others clearly sought them out.',
          ],
        },
        {
          id: 'adaptability',
          name: 'Adaptability',
          keyRisk: false,
          description: 'How well does the candidate cope when plans, tools or priorities change?',
          anchors: [
            'Resists or complains about change; examples show getting stuck.',
            'Copes with change, but slowly and with visible frustration.',
            'Adjusts to change once the reason is explained.',
            'Adapts quickly and helps others adjust too.',
            'Anticipates change and sets up their work so it is cheap to adapt.',
          ],
        },
        {
          id: 'values-alignment',
          name: 'Alignment with team values',
          keyRisk: false,
          description: 'Do the candidate’s attitudes — honesty, ownership, respect — match the team’s?',
          anchors: [
            'Attitudes shown conflict with what the team stands for.',
            'Partial match with some worrying signals.',
            'Broadly aligned, with no concerns.',
            'Clearly shares the team’s values, with examples to back it up.',
            'Embodies the team’s values and would help others live them.',
          ],
        },
      ],
    },
  ],
  passRule: { minAverage: 4, minCategory: 3, minKeyRisk: 4 },
  decision: {
    scorers: 2,
    maxGap: 1,
    decider: 'Engineering manager',
    steps: [
      'Each stage’s panel scores the candidate independently before comparing notes.',
      'Where two scorers are more than 1 point apart on a category, they discuss the evidence before agreeing a score.',
      'A candidate moves to the next stage only when that stage’s scores meet the pass rule.',
      'After the behavioural & team-fit interview, the engineering manager reviews all stages and decides.',
    ],
  },
};
