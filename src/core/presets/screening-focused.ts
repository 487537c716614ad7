/**
 * Informed by seed 003: a process that puts most of its care into screening — CV criteria, a phone screen,
 * a live-coding session run well, a technical & behavioural interview — with the common interviewer
 * mistakes (unprepared, unrealistic, unfair) turned into checks the interviewer ticks off.
 */
import type { Process } from '../process';

export const screeningFocused: Process = {
  id: 'screening-focused',
  name: 'Backend Developer (screening-focused)',
  role: 'Backend Developer',
  summary:
    'A structured CV review, a phone screen, a live-coding session and a technical & behavioural interview, with built-in checks that keep interviewers prepared, realistic and fair.',
  source: '003',
  stages: [
    {
      id: 'cv-screening',
      name: 'CV screening',
      minutesMin: 0,
      minutesMax: 0,
      optional: false,
      conductedBy: 'Hiring manager',
      goal: 'Decide from the CV whether the applicant at least meets the project’s minimum requirements, looking past presentation to capability.',
      agenda: [
        {
          title: 'Education and certifications',
          minutesMin: 0,
          minutesMax: 0,
          description:
            'Note any computer-science or related degree and any certifications from credible providers; neither is required.',
        },
        {
          title: 'Skills and tools',
          minutesMin: 0,
          minutesMax: 0,
          description:
            'List the languages, databases, frameworks and tooling the applicant claims, and mark the ones our project uses.',
        },
        {
          title: 'Projects and accomplishments',
          minutesMin: 0,
          minutesMax: 0,
          description:
            'Find projects comparable to ours in scope, complexity or industry, and how they were built, tested, deployed and maintained.',
        },
        {
          title: 'References and public profile',
          minutesMin: 0,
          minutesMax: 0,
          description:
            'Check listed references and public code or professional profiles for endorsements and contributions.',
        },
      ],
      prompts: [
        {
          kind: 'check',
          label: 'Capability over looks',
          text: 'Score what the applicant can do against the project’s minimum requirements; a well-designed CV earns no extra points.',
        },
        {
          kind: 'check',
          label: 'Fair screening',
          text: 'Ignore name, photo, age, gender, nationality, religion and any other detail unrelated to the job when scoring.',
        },
        {
          kind: 'instruction',
          label: 'Carry forward',
          text: 'Write down which claimed technologies you want the applicant to talk about in the phone screen.',
        },
      ],
      categories: [
        {
          id: 'education-certifications',
          name: 'Education and certifications',
          keyRisk: false,
          description:
            'Does formal study or credible certification show a solid grounding in programming? Optional, so a low score should rarely decide alone.',
          anchors: [
            'No study, training or certification of any kind relevant to programming.',
            'Short courses only, from sources we cannot assess.',
            'A related degree or a recognised certification in a relevant technology.',
            'A relevant degree plus recent certifications that show ongoing learning.',
            'Strong formal grounding and a steady record of recent, credible certifications in our stack.',
          ],
        },
        {
          id: 'skills-tools',
          name: 'Skills and tools',
          keyRisk: true,
          description:
            'Does the applicant have real experience with the languages, databases, frameworks and tools our project relies on?',
          anchors: [
            'None of the technologies our project uses.',
            'Lists some of our technologies with no sign of using them on real work.',
            'Has used the core of our stack on at least one real project.',
            'Several projects with most of our stack, including databases and deployment tooling.',
            'Deep, repeated use of our exact stack, with evidence of going beyond the basics.',
          ],
        },
        {
          id: 'projects-accomplishments',
          name: 'Projects and accomplishments',
          keyRisk: false,
          description:
            'Do the applicant’s projects resemble ours, and does the CV show how they were built and kept running?',
          anchors: [
            'No projects described, or nothing resembling backend work.',
            'Projects listed by name only, with no detail on the backend side.',
            'At least one comparable project with some detail on how it was built.',
            'Comparable projects with detail on design, testing, deployment and maintenance.',
            'Highly relevant projects plus recognition such as open-source contributions, publications or awards.',
          ],
        },
        {
          id: 'references-recommendations',
          name: 'References and recommendations',
          keyRisk: false,
          description:
            'Can previous employers, clients or colleagues, or public endorsements, vouch for the quality of the applicant’s work?',
          anchors: [
            'No references and nothing verifiable in public.',
            'References offered on request only; nothing else to check.',
            'Named references from recent roles.',
            'Named references plus public endorsements or reviewable code.',
            'Strong, specific recommendations from several sources, backed by public work we can inspect.',
          ],
        },
      ],
    },
    {
      id: 'phone-screen',
      name: 'Phone screen',
      minutesMin: 20,
      minutesMax: 30,
      optional: false,
      conductedBy: 'Hiring manager or a senior developer',
      goal: 'Quickly check basic facts, communication and enthusiasm for the project to narrow the shortlist.',
      agenda: [
        {
          title: 'Introduction',
          minutesMin: 2,
          minutesMax: 3,
          description: 'Explain the call’s purpose and length.',
        },
        {
          title: 'About you',
          minutesMin: 5,
          minutesMax: 7,
          description: 'Let the candidate introduce their background, skills and interests.',
        },
        {
          title: 'Why this project',
          minutesMin: 4,
          minutesMax: 6,
          description: 'Find out what they know about the project and what they hope to get from it.',
        },
        {
          title: 'Tools and method',
          minutesMin: 7,
          minutesMax: 10,
          description:
            'Ask about their most familiar backend technologies and how they approach building a backend.',
        },
        {
          title: 'Questions and next steps',
          minutesMin: 2,
          minutesMax: 4,
          description: 'Take the candidate’s questions and tell them what comes next.',
        },
      ],
      prompts: [
        {
          kind: 'question',
          label: 'Introduce yourself',
          block: 'About you',
          text: 'Give us a quick picture of who you are as a developer: where you have worked, what you are good at and what you want next.',
        },
        {
          kind: 'question',
          label: 'Why this project',
          block: 'Why this project',
          text: 'What draws you to this particular project, and is there anything about it you are unsure of?',
        },
        {
          kind: 'question',
          label: 'Familiar tools',
          block: 'Tools and method',
          text: 'Which backend languages, databases and tools have you used most, and how did you use them on your last project?',
        },
        {
          kind: 'question',
          label: 'Your method',
          block: 'Tools and method',
          text: 'Pick a backend you built. How did you go from the goal and scope to a design and then to code?',
        },
        {
          kind: 'check',
          label: 'Prepared',
          text: 'Before dialling: have you re-read the CV, noted the technologies to ask about, and joined on time?',
        },
      ],
      categories: [
        {
          id: 'communication',
          name: 'Communication',
          keyRisk: true,
          description:
            'Can the candidate explain their experience clearly over the phone, without visual aids?',
          anchors: [
            'Hard to understand even on simple questions.',
            'Gets there eventually, but answers need frequent clarification.',
            'Generally clear, with occasional vagueness.',
            'Clear, well-organised answers that invite the right follow-ups.',
            'Remarkably clear and engaging; complex work made easy to picture.',
          ],
        },
        {
          id: 'project-enthusiasm',
          name: 'Enthusiasm for the project',
          keyRisk: false,
          description:
            'Has the candidate looked into the project’s goals and challenges, and do they want to work on them?',
          anchors: [
            'Knows nothing about the project and shows no interest.',
            'Polite interest without any research.',
            'Has read about the project and can say what appeals.',
            'Understands the project’s goals and challenges and is keen to tackle them.',
            'Has thought carefully about the project and arrives with ideas and well-aimed questions.',
          ],
        },
        {
          id: 'technology-familiarity',
          name: 'Familiarity with our technologies',
          keyRisk: false,
          description:
            'Do the candidate’s answers confirm the skills claimed on the CV, and are they able to learn what they lack?',
          anchors: [
            'Cannot back up the skills claimed on the CV.',
            'Familiar only at a surface level; struggles to give examples.',
            'Confirms working experience with most claimed technologies.',
            'Gives concrete examples for each technology and a credible plan for gaps.',
            'Shows expert use of our core technologies and a record of picking up new ones fast.',
          ],
        },
        {
          id: 'development-approach',
          name: 'Development approach',
          keyRisk: false,
          description: 'Does the candidate have a deliberate way of going from a goal to a working backend?',
          anchors: [
            'No discernible method; starts coding and sees what happens.',
            'A method in name only; cannot describe how scope or design were decided.',
            'A sensible plan–design–build sequence, described in general terms.',
            'A clear method with concrete examples of scoping, designing and handling challenges.',
            'A mature, adaptable method, illustrated with examples and artefacts they can share.',
          ],
        },
      ],
    },
    {
      id: 'live-coding',
      name: 'Live-coding session',
      minutesMin: 45,
      minutesMax: 60,
      optional: false,
      conductedBy: 'Senior backend developer',
      goal: 'Watch how the candidate writes, runs and debugs code on a realistic problem, and how they think and communicate while doing it.',
      agenda: [
        {
          title: 'Set-up and brief',
          minutesMin: 5,
          minutesMax: 5,
          description: 'Confirm the tool works, share the problem statement and answer clarifying questions.',
        },
        {
          title: 'Coding',
          minutesMin: 30,
          minutesMax: 40,
          description:
            'The candidate works on the problem while thinking aloud; the interviewer observes and engages.',
        },
        {
          title: 'Review',
          minutesMin: 5,
          minutesMax: 10,
          description: 'Walk through the solution together: edge cases, errors and possible optimisations.',
        },
        {
          title: 'Wrap-up',
          minutesMin: 5,
          minutesMax: 5,
          description: 'Ask how the candidate felt it went and explain next steps.',
        },
      ],
      prompts: [
        {
          kind: 'check',
          label: 'Realistic problem',
          text: 'Is the problem drawn from our project’s domain, solvable in the time, and neither trivial, overly complex, vague nor narrowly specialised?',
        },
        {
          kind: 'check',
          label: 'Clear instructions',
          text: 'Does the brief state the problem, input and output formats, expected behaviour, edge cases and how it will be judged, with worked examples and test cases?',
        },
        {
          kind: 'check',
          label: 'Proper tool',
          text: 'Can the candidate write, run and debug in their preferred language, and can you follow and comment on the code live and afterwards?',
        },
        {
          kind: 'instruction',
          label: 'Observe and engage',
          block: 'Coding',
          text: 'Watch the method as well as the result: structure, quality, handling of errors and exceptions, optimisation and documentation. Guide, encourage and ask questions rather than sitting silent.',
        },
        {
          kind: 'question',
          label: 'Follow-up',
          block: 'Review',
          text: 'What input would break your solution right now, and how would you guard against it?',
        },
      ],
      categories: [
        {
          id: 'problem-solving-process',
          name: 'Problem-solving process',
          keyRisk: true,
          description:
            'Does the candidate understand the problem, plan, and then work steadily towards a solution?',
          anchors: [
            'Cannot make meaningful progress, even with guidance.',
            'Starts coding before understanding the problem and has to restart.',
            'Reaches a working solution with a reasonable but uneven approach.',
            'Clarifies the problem, plans briefly and makes steady, visible progress.',
            'A crisp, efficient approach that handles surprises calmly and finishes with time to refine.',
          ],
        },
        {
          id: 'code-quality',
          name: 'Code quality',
          keyRisk: false,
          description: 'Is the code readable, sensibly structured and documented where it helps?',
          anchors: [
            'Unreadable code that even the candidate struggles to follow.',
            'Works in places but is messy and hard to extend.',
            'Readable, adequately structured code.',
            'Clean, well-named, well-structured code with helpful comments.',
            'Production-quality code written under time pressure.',
          ],
        },
        {
          id: 'errors-edge-cases',
          name: 'Errors and edge cases',
          keyRisk: false,
          description:
            'Does the candidate handle exceptions, invalid input and boundary cases, and debug effectively?',
          anchors: [
            'Ignores errors entirely and cannot debug failures.',
            'Handles errors only when prompted; debugging is trial and error.',
            'Covers the common error cases and debugs methodically.',
            'Anticipates most edge cases and writes tests or checks for them.',
            'Handles errors thoroughly, debugs swiftly, and proposes sensible optimisations.',
          ],
        },
        {
          id: 'thinking-aloud',
          name: 'Communication while coding',
          keyRisk: false,
          description:
            'Does the candidate keep the interviewer informed and respond well to hints and questions?',
          anchors: [
            'Silent throughout, or dismisses hints and questions.',
            'Talks only when asked; explanations are thin.',
            'Explains major steps and accepts hints.',
            'Narrates reasoning naturally and builds on the interviewer’s input.',
            'Makes the session feel like pair programming with a trusted colleague.',
          ],
        },
      ],
    },
    {
      id: 'technical-behavioural',
      name: 'Technical & behavioural interview',
      minutesMin: 45,
      minutesMax: 60,
      optional: false,
      conductedBy: 'Hiring manager and a senior backend developer',
      goal: 'Assess depth of knowledge, reasoning, collaboration and motivation, and judge fit with the project and the team.',
      agenda: [
        {
          title: 'Past projects',
          minutesMin: 10,
          minutesMax: 15,
          description:
            'Explore the candidate’s role, contributions, successes, failures and lessons on relevant projects.',
        },
        {
          title: 'Technical knowledge',
          minutesMin: 10,
          minutesMax: 15,
          description:
            'Ask about backend concepts, patterns and practices, and have them compare alternative approaches.',
        },
        {
          title: 'Problem-solving',
          minutesMin: 10,
          minutesMax: 10,
          description: 'Pose a realistic problem and ask for assumptions, options and trade-offs.',
        },
        {
          title: 'Collaboration',
          minutesMin: 5,
          minutesMax: 10,
          description: 'Discuss communication habits, planning with others, disputes and feedback.',
        },
        {
          title: 'Motivation',
          minutesMin: 5,
          minutesMax: 5,
          description: 'Ask about strengths, areas to improve and what they hope to gain here.',
        },
      ],
      prompts: [
        {
          kind: 'question',
          label: 'Past projects',
          block: 'Past projects',
          text: 'Tell us about a project close to ours. What was your part, what went badly, and how have you used that lesson since?',
        },
        {
          kind: 'question',
          label: 'Compare approaches',
          block: 'Technical knowledge',
          text: 'When would you choose a relational database over a document store for a backend like ours, and what would you lose either way?',
        },
        {
          kind: 'scenario',
          label: 'Problem-solving',
          block: 'Problem-solving',
          text: 'Users report that saving a record sometimes takes ten seconds. Talk us through your assumptions, the options you would consider and what evidence you would gather.',
        },
        {
          kind: 'question',
          label: 'Collaboration',
          block: 'Collaboration',
          text: 'How do you keep other developers and stakeholders informed, and how did you handle the last disagreement about a technical plan?',
        },
        {
          kind: 'question',
          label: 'Motivation',
          block: 'Motivation',
          text: 'Where are you strongest, where do you most want to improve, and how would this project help?',
        },
        {
          kind: 'check',
          label: 'Realistic expectations',
          text: 'Do not expect the candidate to know everything; credit honest “I don’t know, but here is how I’d find out” answers.',
        },
        {
          kind: 'check',
          label: 'Fair and consistent',
          text: 'Ask every candidate the same core questions, and base scores only on qualifications, experience and fit for the project, never on personal liking or background.',
        },
      ],
      categories: [
        {
          id: 'technical-knowledge',
          name: 'Technical knowledge',
          keyRisk: true,
          description:
            'Does the candidate understand backend concepts and practices well enough to compare approaches on their merits?',
          anchors: [
            'Basic concepts are confused or wrong.',
            'Knows definitions but cannot apply or compare them.',
            'Solid grasp of core concepts with reasonable comparisons.',
            'Compares approaches fluently with clear pros and cons from experience.',
            'Expert understanding, including where common advice fails.',
          ],
        },
        {
          id: 'critical-thinking',
          name: 'Critical thinking',
          keyRisk: false,
          description:
            'Does the candidate state assumptions, weigh options and back their approach with evidence?',
          anchors: [
            'Jumps to a conclusion with no assumptions or alternatives considered.',
            'Considers alternatives only after being prompted.',
            'States main assumptions and picks a reasonable option.',
            'Weighs several options explicitly and explains what evidence would decide between them.',
            'Reframes the problem insightfully and builds a compelling, evidence-based case.',
          ],
        },
        {
          id: 'collaboration-communication',
          name: 'Collaboration and communication',
          keyRisk: false,
          description:
            'How does the candidate share information, plan with others, resolve disputes and handle feedback?',
          anchors: [
            'Examples show poor communication or unresolved conflict.',
            'Communicates adequately but avoids difficult conversations.',
            'Reasonable habits and at least one constructive example.',
            'Deliberate communication habits and good examples of resolving disputes and using feedback.',
            'A role model for teamwork; others rely on them to keep projects aligned.',
          ],
        },
        {
          id: 'learning-from-experience',
          name: 'Learning from experience',
          keyRisk: false,
          description: 'Does the candidate reflect on past successes and failures and carry lessons forward?',
          anchors: [
            'Cannot name a failure or a lesson.',
            'Names lessons in generic terms only.',
            'Describes a clear lesson and how it changed their practice.',
            'Several specific lessons applied visibly in later projects.',
            'Systematically turns experience into improvements for themselves and their team.',
          ],
        },
        {
          id: 'motivation-passion',
          name: 'Motivation and passion',
          keyRisk: false,
          description: 'Is the candidate genuinely driven by backend work and by this project?',
          anchors: [
            'No visible interest in the work or the project.',
            'Interest seems tied mostly to the job offer itself.',
            'Genuine interest in backend work and a fair reason to join.',
            'Clear passion with evidence, such as side projects or learning, and a specific fit with us.',
            'Deep, sustained passion that would lift the team’s energy.',
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
    steps: [
      'Before any interview, the interviewers confirm they have read the CV, prepared their questions, tested the coding tool and booked the time.',
      'Each interviewer scores alone, based only on qualifications, experience and suitability for the project.',
      'Scores that differ by more than 1 point on a category are discussed with evidence before a score is agreed.',
      'Before deciding, check the process asked nothing unreasonable of the candidate, such as unpaid or overly long work.',
      'The hiring manager decides and tells the candidate promptly and honestly.',
    ],
  },
};
