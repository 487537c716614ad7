/**
 * Seed 004: a conversation-led process for developers placed with a partner company — a culture chat with
 * a people coordinator, a discussion with a technical lead, a partner interview, a decision and an offer.
 */
import type { Process } from '../process';

export const culturePartner: Process = {
  id: 'culture-partner',
  name: 'Developer for a partner team (culture-first)',
  role: 'Software Developer',
  summary:
    'A culture chat with a people coordinator, a friendly technical-lead discussion, a 30–60 minute interview with the partner’s team, then a joint decision and an offer call.',
  source: '004',
  stages: [
    {
      id: 'culture-chat',
      name: 'Culture chat',
      minutesMin: 30,
      minutesMax: 45,
      optional: false,
      conductedBy: 'People coordinator',
      goal: 'Introduce our company, how we differ from outsourcing or outstaffing firms, our culture and the partner’s product, and learn whether the candidate would fit both our culture and the partner’s.',
      agenda: [
        {
          title: 'About us and the partner',
          minutesMin: 10,
          minutesMax: 10,
          description:
            'Explain how we work with partners, why that is not outsourcing or outstaffing, our culture, and what the partner builds.',
        },
        {
          title: 'About the candidate',
          minutesMin: 10,
          minutesMax: 20,
          description:
            'Learn about the candidate’s experience, what they enjoy in their work and how they like to collaborate.',
        },
        {
          title: 'Working arrangements',
          minutesMin: 5,
          minutesMax: 5,
          description: 'Explain our preference for on-site work and discuss any wish to work remotely.',
        },
        {
          title: 'Candidate’s questions',
          minutesMin: 5,
          minutesMax: 10,
          description: 'Invite questions about the company; note how curious the candidate is.',
        },
      ],
      prompts: [
        {
          kind: 'question',
          label: 'Team moment',
          block: 'About the candidate',
          text: 'Tell me about a time your team had to change direction quickly. What was your part in it?',
        },
        {
          kind: 'question',
          label: 'What excites you',
          block: 'About the candidate',
          text: 'What kind of work makes you lose track of time, and what drains you?',
        },
        {
          kind: 'question',
          label: 'On-site or remote',
          block: 'Working arrangements',
          text: 'We mostly work together on-site because the pace is fast and collaborative. How does that fit you, and do you need any flexibility?',
        },
        {
          kind: 'check',
          label: 'Invite questions',
          block: 'Candidate’s questions',
          text: 'Leave real room for the candidate to ask about us; willingness to ask is part of what we look for.',
        },
      ],
      categories: [
        {
          id: 'collaboration',
          name: 'Collaboration',
          keyRisk: true,
          description: 'Does the candidate enjoy and seek out working closely with others?',
          anchors: [
            'Prefers to work alone and describes teammates as obstacles.',
            'Works with others when needed but shows little interest in it.',
            'Comfortable in a team, with fair examples of cooperation.',
            'Energised by teamwork, with specific examples of helping others succeed.',
            'Naturally brings people together; examples show them raising the whole team.',
          ],
        },
        {
          id: 'flexibility-friendliness',
          name: 'Flexibility and friendliness',
          keyRisk: false,
          description: 'Is the candidate easy to work with and open to change?',
          anchors: [
            'Rigid or abrasive during the conversation.',
            'Polite but guarded; struggles with hypothetical changes.',
            'Friendly and reasonably open to change.',
            'Warm, easy-going and clearly comfortable adapting.',
            'Puts others at ease immediately and treats change as an opportunity.',
          ],
        },
        {
          id: 'curiosity-passion',
          name: 'Curiosity and passion',
          keyRisk: false,
          description:
            'Is the candidate passionate about their craft and curious about our company and the partner’s product?',
          anchors: [
            'No questions and no visible interest in the work.',
            'A few routine questions; interest feels polite rather than real.',
            'Clear interest in the work and some thoughtful questions.',
            'Obvious passion for development and well-informed questions about us and the partner.',
            'Infectious enthusiasm and questions that show they have already imagined working here.',
          ],
        },
      ],
    },
    {
      id: 'technical-lead-discussion',
      name: 'Technical-lead discussion',
      minutesMin: 45,
      minutesMax: 60,
      optional: false,
      conductedBy: 'Technical lead',
      goal: 'Understand how the candidate thinks and how they solve problems together with a team, in a relaxed conversation with no trick questions.',
      agenda: [
        {
          title: 'Set the tone',
          minutesMin: 5,
          minutesMax: 5,
          description: 'Make clear this is a conversation, not an attempt to catch anyone out.',
        },
        {
          title: 'Solve a problem together',
          minutesMin: 20,
          minutesMax: 25,
          description:
            'Work through a realistic problem side by side, with the candidate writing code or pseudo-code.',
        },
        {
          title: 'Testing the solution',
          minutesMin: 10,
          minutesMax: 15,
          description: 'Ask the candidate how they would prove the code works and write a test or two.',
        },
        {
          title: 'Team habits and questions',
          minutesMin: 5,
          minutesMax: 10,
          description: 'Talk about reviews, pairing and asking for help; answer the candidate’s questions.',
        },
      ],
      prompts: [
        {
          kind: 'instruction',
          label: 'Tone',
          block: 'Set the tone',
          text: 'Treat the candidate as a colleague you are pairing with. Offer hints freely; we are learning how they think, not testing memory.',
        },
        {
          kind: 'scenario',
          label: 'Shared problem',
          block: 'Solve a problem together',
          text: 'Here is a small feature from the partner’s product with a tricky edge case. Let us work out together how to build it and where it might go wrong.',
        },
        {
          kind: 'question',
          label: 'Tests',
          block: 'Testing the solution',
          text: 'What tests would give you confidence this is right, and which one would you write first?',
        },
        {
          kind: 'question',
          label: 'Stuck as a team',
          block: 'Team habits and questions',
          text: 'When your team is stuck on a hard bug, what do you usually do, and when do you ask for help?',
        },
      ],
      categories: [
        {
          id: 'coding-ability',
          name: 'Coding ability',
          keyRisk: true,
          description: 'Can the candidate turn a solution into working code and get the answer right?',
          anchors: [
            'Cannot turn ideas into code, even with substantial help.',
            'Writes code that only partly works, with frequent help.',
            'Writes working code for the core case with modest help.',
            'Writes correct, clean code with little help and handles the edge case.',
            'Writes elegant, correct code quickly and improves on the suggested approach.',
          ],
        },
        {
          id: 'thought-process',
          name: 'Thought process',
          keyRisk: false,
          description: 'Can the tech lead follow how the candidate reasons from problem to solution?',
          anchors: [
            'Reasoning is hidden or erratic; the lead cannot follow it.',
            'Reasoning comes out only when asked, in fragments.',
            'Explains the general approach clearly enough.',
            'Reasons aloud in a structured way, revising openly when wrong.',
            'Makes their reasoning a tool for the pair, inviting challenge at each step.',
          ],
        },
        {
          id: 'team-problem-solving',
          name: 'Solving problems as a team',
          keyRisk: false,
          description: 'Does the candidate build on the other person’s ideas instead of working as if alone?',
          anchors: [
            'Ignores or argues against every suggestion.',
            'Accepts suggestions passively without engaging with them.',
            'Uses suggestions sensibly and adds some of their own.',
            'Trades ideas naturally and reaches a better answer together.',
            'Makes the joint session clearly better than either person alone.',
          ],
        },
        {
          id: 'testing-habits',
          name: 'Testing habits',
          keyRisk: false,
          description: 'Does the candidate write tests to check that their code works?',
          anchors: [
            'Sees no need for tests.',
            'Mentions testing in general but cannot name a useful test.',
            'Writes a basic test for the main case.',
            'Writes focused tests for the main and edge cases and explains why.',
            'Uses tests to drive the design and spots cases the lead had not considered.',
          ],
        },
      ],
    },
    {
      id: 'partner-interview',
      name: 'Partner interview',
      minutesMin: 30,
      minutesMax: 60,
      optional: false,
      conductedBy: 'The partner company and/or a team lead from their technical team, online',
      goal: 'Let the partner judge whether the candidate has the hard and soft skills their team needs and would fit their organisation.',
      agenda: [
        {
          title: 'Introductions',
          minutesMin: 5,
          minutesMax: 5,
          description: 'The partner introduces their team and the product.',
        },
        {
          title: 'Skills discussion',
          minutesMin: 15,
          minutesMax: 30,
          description: 'The partner explores the technical skills most relevant to their codebase.',
        },
        {
          title: 'Team and ways of working',
          minutesMin: 5,
          minutesMax: 15,
          description: 'Discuss how the partner’s team works day to day and how the candidate would fit.',
        },
        {
          title: 'Candidate’s questions',
          minutesMin: 5,
          minutesMax: 10,
          description: 'The candidate asks the partner about the product, team and expectations.',
        },
      ],
      prompts: [
        {
          kind: 'check',
          label: 'Brief the partner',
          text: 'Before the call, share our notes from the culture chat and technical-lead discussion so the partner does not repeat the same ground.',
        },
        {
          kind: 'question',
          label: 'Relevant experience',
          block: 'Skills discussion',
          text: 'Which part of your experience is closest to what our product does, and what would you need to learn first?',
        },
        {
          kind: 'question',
          label: 'Working with a client team',
          block: 'Team and ways of working',
          text: 'How do you build trust quickly when joining an established team from outside?',
        },
      ],
      categories: [
        {
          id: 'hard-skills',
          name: 'Hard skills for the partner’s team',
          keyRisk: true,
          description:
            'Does the candidate have the specific technical skills the partner’s codebase requires?',
          anchors: [
            'Lacks the core skills the partner’s codebase depends on.',
            'Has related skills but would need a long ramp-up.',
            'Meets the partner’s core requirements.',
            'Strong in the partner’s stack and could contribute quickly.',
            'Exceeds what the partner asked for and would strengthen their team’s skills.',
          ],
        },
        {
          id: 'soft-skills',
          name: 'Soft skills',
          keyRisk: false,
          description: 'Does the candidate communicate and engage in a way the partner’s team will value?',
          anchors: [
            'The partner found the candidate hard to talk to.',
            'Communication was adequate but stiff or unclear at times.',
            'Clear and professional throughout.',
            'Engaging and clear; built rapport with the partner quickly.',
            'The partner came away wanting to work with them.',
          ],
        },
        {
          id: 'partner-org-fit',
          name: 'Fit with the partner organisation',
          keyRisk: false,
          description: 'Would the candidate settle well into the partner’s culture and ways of working?',
          anchors: [
            'Clear mismatch with how the partner works.',
            'Some friction points the partner is worried about.',
            'No concerns from the partner.',
            'The partner sees a good match with their team.',
            'The partner is enthusiastic about the match and wants to move fast.',
          ],
        },
      ],
    },
    {
      id: 'decision',
      name: 'Hiring decision',
      minutesMin: 15,
      minutesMax: 30,
      optional: false,
      conductedBy: 'People coordinator, technical lead and the partner',
      goal: 'Bring together the evidence from all three interviews and decide whether to make an offer.',
      agenda: [
        {
          title: 'Share scores',
          minutesMin: 5,
          minutesMax: 10,
          description: 'Each interviewer shares their scores and evidence from their stage.',
        },
        {
          title: 'Discuss differences',
          minutesMin: 5,
          minutesMax: 15,
          description: 'Talk through any concern raised in one stage but not another.',
        },
        {
          title: 'Decide',
          minutesMin: 5,
          minutesMax: 5,
          description: 'Agree the outcome and who will contact the candidate.',
        },
      ],
      prompts: [
        {
          kind: 'check',
          label: 'All interviews done',
          text: 'Only decide once the culture chat, technical-lead discussion and partner interview are all complete and scored.',
        },
        {
          kind: 'question',
          label: 'Open concerns',
          block: 'Discuss differences',
          text: 'Is there any concern from one interview that the others did not test? How will we resolve it?',
        },
      ],
      categories: [
        {
          id: 'evidence-consistency',
          name: 'Consistency of evidence',
          keyRisk: false,
          description: 'Do the three interviews tell the same story about the candidate?',
          anchors: [
            'The interviews contradict each other on important points.',
            'One stage is strongly positive and another clearly negative.',
            'Mostly consistent, with minor differences explained.',
            'Consistent picture across all three stages.',
            'Every stage independently reached the same strong conclusion.',
          ],
        },
        {
          id: 'concerns-resolved',
          name: 'Concerns resolved',
          keyRisk: true,
          description: 'Has every concern raised during the process been addressed with evidence?',
          anchors: [
            'A serious concern remains open.',
            'Several concerns are only partly addressed.',
            'Concerns are addressed, though some rest on assumptions.',
            'All concerns are addressed with evidence from the interviews.',
            'No concerns were raised, or each was convincingly disproved.',
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
      conductedBy: 'People coordinator, by phone',
      goal: 'Call the chosen candidate with an offer setting out pay, start date and remaining conditions, and prepare onboarding if they accept.',
      agenda: [
        {
          title: 'Offer call',
          minutesMin: 10,
          minutesMax: 20,
          description: 'Present salary, start date and the main terms of employment.',
        },
        {
          title: 'Next steps',
          minutesMin: 5,
          minutesMax: 10,
          description: 'Explain orientation and onboarding, and when a decision is needed.',
        },
      ],
      prompts: [
        {
          kind: 'check',
          label: 'Terms ready',
          text: 'Have salary, start date, on-site or remote arrangement and all other terms agreed internally before calling.',
        },
        {
          kind: 'instruction',
          label: 'After acceptance',
          text: 'Once accepted, hand over to HR for orientation and onboarding training.',
        },
      ],
      categories: [
        {
          id: 'terms-agreed',
          name: 'Terms agreed',
          keyRisk: false,
          description: 'How close are we to agreement on salary, start date and other terms?',
          anchors: [
            'Far apart on salary or start date; agreement unlikely.',
            'Significant gaps that need another round.',
            'Small gaps that can be settled quickly.',
            'Agreement on all main terms during the call.',
            'Immediate agreement with no changes requested.',
          ],
        },
        {
          id: 'onboarding-readiness',
          name: 'Onboarding readiness',
          keyRisk: false,
          description: 'Is everything in place for the candidate to start smoothly?',
          anchors: [
            'Start date, location or paperwork still unknown.',
            'Several onboarding details undecided.',
            'Main details set; some paperwork outstanding.',
            'Start date, workplace and onboarding plan confirmed.',
            'Fully prepared, with team introductions already scheduled.',
          ],
        },
      ],
    },
  ],
  passRule: { minAverage: 4, minCategory: 3, minKeyRisk: 4 },
  decision: {
    scorers: 1,
    maxGap: 1,
    decider: 'People coordinator together with the partner',
    steps: [
      'Each interviewer scores their own stage straight after it ends.',
      'Once all three interviews are done, the people coordinator, technical lead and partner compare scores and evidence.',
      'Any category where stages disagree by more than 1 point is discussed before deciding.',
      'The people coordinator and the partner make the final decision.',
      'The chosen candidate receives an offer by phone.',
    ],
  },
};
