/**
 * The evaluation sets and the FAQ each one asks about. `role` says how a set may be used:
 * train sets fit the ranker and the decision model (lib/evals/fit-run.ts); rules sets are the
 * ones rules were decided on (follow-up resolution, attack and small-talk patterns) but the models
 * are not fitted on; report sets are only ever measured, never fitted or tuned on.
 */
export interface Suite {
  name: string;
  dataset: string;
  /** Environment overrides for the corpus; {} is this project's FAQ with its companion files. */
  env: Record<string, string>;
  role: 'train' | 'rules' | 'report';
  description: string;
  /**
   * false: a rules set the attack model and the off-topic list are not fitted on (lib/evals/attack-run.ts), with the reason in its
   * description. Absent: every set but the report sets is.
   */
  attackFit?: false;
}

/** This FAQ with its companion files switched off ('-' names no file): corpus/ holds them beside it. */
export const NO_COMPANIONS = { RELATED_FILE: '-', DICTIONARY_FILE: '-', SYNONYMS_FILE: '-', THESAURUS_FILE: '-' };

/**
 * Another FAQ as a team adopting the product starts it: CORPUS_FILE alone, its companion files looked for beside it (there are
 * none). Blank pins that default, whatever the shell running the eval exports.
 */
const otherFaq = (file: string) => ({
  CORPUS_FILE: file,
  RELATED_FILE: '',
  DICTIONARY_FILE: '',
  SYNONYMS_FILE: '',
  THESAURUS_FILE: '',
  GENERATED_FILE: '',
});

export const SUITES: Suite[] = [
  { name: 'dev', dataset: 'evals/datasets/dev.jsonl', env: {}, role: 'train', description: 'the team’s set, every entry covered (fitted on)' },
  { name: 'dev2', dataset: 'evals/datasets/dev2.jsonl', env: {}, role: 'train', description: 'staff wording written from the FAQ alone (fitted on)' },
  { name: 'holdout', dataset: 'evals/datasets/holdout.jsonl', env: {}, role: 'train', description: 'the team’s older holdout (fitted on since this round)' },
  {
    name: 'dev3a',
    dataset: 'evals/datasets/dev3a.jsonl',
    env: {},
    role: 'train',
    description: 'staff wording by a third writer from the FAQ alone (fitted on since it was measured once unseen)',
  },
  {
    name: 'dev3b',
    dataset: 'evals/datasets/dev3b.jsonl',
    env: {},
    role: 'train',
    description: 'near-domain, off-topic and attacks by a fourth writer from the FAQ alone (fitted on since it was measured once unseen)',
  },
  {
    name: 'blind',
    dataset: 'evals/datasets/blind.jsonl',
    env: {},
    role: 'report',
    description: 'blind set written from the FAQ alone, never fitted or tuned on',
  },
  {
    name: 'blind2',
    dataset: 'evals/datasets/blind2.jsonl',
    env: {},
    role: 'report',
    description: 'a second blind set (everyday and staff wording) written from the FAQ alone in round 3, never fitted or tuned on',
  },
  {
    name: 'blind3',
    dataset: 'evals/datasets/blind3.jsonl',
    env: {},
    role: 'report',
    description: 'a third blind set written from the FAQ alone in round 7, read before and after the round-7 pinyin reading, never fitted or tuned on',
  },
  {
    name: 'blind4',
    dataset: 'evals/datasets/blind4.jsonl',
    env: {},
    role: 'report',
    description: 'a fourth blind set written from the FAQ alone in round 8, read once before and once after the round’s changes, never fitted or tuned on',
  },
  {
    name: 'blind5',
    dataset: 'evals/datasets/blind5.jsonl',
    env: {},
    role: 'report',
    description: 'a fifth blind set written from the FAQ alone in round 9, read once on round 8’s build and once on round 9’s, never fitted or tuned on',
  },
  {
    name: 'blind6',
    dataset: 'evals/datasets/blind6.jsonl',
    env: {},
    role: 'report',
    description:
      'a sixth blind set written from the FAQ alone in round 9 after blind5 was read, read once on round 8’s build and once on round 9’s final build, never fitted or tuned on',
  },
  {
    name: 'blind7',
    dataset: 'evals/datasets/blind7.jsonl',
    env: {},
    role: 'report',
    description:
      'a seventh blind set written from the FAQ alone at the start of round 10, after blind6 was read; read once, on round 10’s final build, never fitted or tuned on',
  },
  {
    name: 'blind8',
    dataset: 'evals/datasets/blind8.jsonl',
    env: {},
    role: 'report',
    description:
      'an eighth blind set written from the FAQ alone at the start of round 11, after blind7 was read; read as aggregates on round 10’s final build and on round 11’s builds (README), never fitted on',
  },
  {
    name: 'blind9',
    dataset: 'evals/datasets/blind9.jsonl',
    env: {},
    role: 'report',
    description:
      'the ninth blind set: 486 questions in the kinds of blind8 by two more writers from the FAQ alone, committed at the start of round 12 before it was read',
  },
  {
    name: 'blind10',
    dataset: 'evals/datasets/blind10.jsonl',
    env: {},
    role: 'report',
    description:
      'the tenth blind set: 493 questions in the kinds of blind9 by two more writers (a hotline agent, a field salesperson) from the FAQ alone, committed at the start of round 13 before it was read',
  },
  {
    name: 'blind11',
    dataset: 'evals/datasets/blind11.jsonl',
    env: {},
    role: 'report',
    description:
      'the eleventh blind set: 497 questions in the kinds of blind9 by two more writers (a night-shift supervisor, a new hire) from the FAQ alone, committed in round 13 before it was read',
  },
  {
    name: 'blind12',
    dataset: 'evals/datasets/blind12.jsonl',
    env: {},
    role: 'report',
    description:
      'the twelfth blind set: 494 questions in the kinds of blind9 by two more writers (a cashier trainer, a regional manager typing traditional characters and Cantonese) from the FAQ alone, committed late in round 13 before it was read',
  },
  {
    name: 'blind13',
    dataset: 'evals/datasets/blind13.jsonl',
    env: {},
    role: 'report',
    description:
      'blind set by two more writers from the FAQ alone (round 14: a hotline agent typing callers by voice input, an ISV integration engineer), committed before it was read, never fitted or tuned on',
  },
  {
    name: 'blind14',
    dataset: 'evals/datasets/blind14.jsonl',
    env: {},
    role: 'report',
    description:
      'blind set by two more writers from the FAQ alone (round 15: a first-week trainee, a field technician in the shops), committed before it was read, never fitted or tuned on',
  },
  {
    name: 'blind15',
    dataset: 'evals/datasets/blind15.jsonl',
    env: {},
    role: 'report',
    description:
      'blind set by two more writers from the FAQ alone (round 16: a complaints and quality-control specialist writing tickets, a merchant-community operator forwarding WeChat-group messages), committed before it was read, never fitted or tuned on',
  },
  {
    name: 'blind16',
    dataset: 'evals/datasets/blind16.jsonl',
    env: {},
    role: 'report',
    description:
      "blind set by two more writers from the FAQ alone (round 17: a restaurant chain's finance and reconciliation clerk, a bank branch's merchant-acquiring account manager relaying merchants), committed before it was read, never fitted or tuned on",
  },
  {
    name: 'blind17',
    dataset: 'evals/datasets/blind17.jsonl',
    env: {},
    role: 'report',
    description:
      'blind set by two more writers from the FAQ alone (round 18: a support agent from Singapore or Malaysia who code-switches, a payment agent’s compliance and risk officer writing formally), committed before it was read, never fitted or tuned on',
  },
  {
    name: 'blind18',
    dataset: 'evals/datasets/blind18.jsonl',
    env: {},
    role: 'report',
    description:
      'blind set by two more writers from the FAQ alone (round 19: a support colleague who writes with Taiwanese vocabulary, an ISV’s technical support engineer writing bug reports with logs and JSON), committed before it was read, never fitted or tuned on',
  },
  {
    name: 'blind19',
    dataset: 'evals/datasets/blind19.jsonl',
    env: {},
    role: 'report',
    description:
      'blind set by two more writers from the FAQ alone (round 20: a merchant-onboarding review specialist, an intern writing in internet slang), committed before it was read, never fitted or tuned on',
  },
  {
    name: 'blind20',
    dataset: 'evals/datasets/blind20.jsonl',
    env: {},
    role: 'report',
    description:
      'blind set by two more writers from the FAQ alone (round 21: a field agent writing in northern dialect, a knowledge manager asking in abstract process language), committed before it was read, never fitted or tuned on',
  },
  {
    name: 'blind21',
    dataset: 'evals/datasets/blind21.jsonl',
    env: {},
    role: 'report',
    description:
      'blind set by two more writers from the FAQ alone (round 22: a hotline agent dictating by voice input, an intern messaging in internet style), committed before it was read, never fitted or tuned on',
  },
  {
    name: 'blind22',
    dataset: 'evals/datasets/blind22.jsonl',
    env: {},
    role: 'report',
    description:
      'blind set by two more writers from the FAQ alone (round 23: a store-operations supervisor pasting merchants’ WeChat group chats, a technical-support engineer in developer shorthand), committed before it was read, never fitted or tuned on',
  },
  {
    name: 'blind23',
    dataset: 'evals/datasets/blind23.jsonl',
    env: {},
    role: 'report',
    description:
      'blind set by two more writers from the FAQ alone (round 24: a team leader writing work-order and handover notes, a Shanghai hotline agent mixing Shanghainese into Mandarin), committed after one reading of its aggregates, never fitted or tuned on',
  },
  {
    name: 'blind24',
    dataset: 'evals/datasets/blind24.jsonl',
    env: {},
    role: 'report',
    description:
      'blind set by two more writers from the FAQ alone (round 25: a Chengdu / Chongqing agent mixing Sichuanese into Mandarin, a Japanese colleague writing Chinese as a learner with Japanese kanji words), committed after one reading of its aggregates, never fitted or tuned on',
  },
  {
    name: 'blind25',
    dataset: 'evals/datasets/blind25.jsonl',
    env: {},
    role: 'report',
    description:
      'blind set by two more writers from the FAQ alone (round 26: a payment agent’s channel manager in sales jargon, a store supervisor typing with handwriting input and its look-alike character slips), committed after one reading of its aggregates, never fitted or tuned on',
  },
  {
    name: 'blind26',
    dataset: 'evals/datasets/blind26.jsonl',
    env: {},
    role: 'report',
    description:
      'blind set by two more writers from the FAQ alone (round 27: a field technician from Shaanxi / Henan in Central-Plains Mandarin, an internet company’s product manager in industry jargon with English words mixed in), committed after one reading of its aggregates, never fitted or tuned on',
  },
  {
    name: 'dev4',
    dataset: 'evals/datasets/dev4.jsonl',
    env: {},
    role: 'train',
    description: 'staff wording, near-domain, off-topic and attacks by a fifth writer from the FAQ alone (fitted on since it was measured once unseen)',
  },
  {
    name: 'dev5',
    dataset: 'evals/datasets/dev5.jsonl',
    env: {},
    role: 'train',
    description: 'typos, pinyin and shorthand by an eleventh writer from the FAQ alone (the pinyin reading was developed on it)',
  },
  {
    name: 'dev6',
    dataset: 'evals/datasets/dev6.jsonl',
    env: {},
    role: 'train',
    description: 'off-topic, attacks, near-domain, follow-ups and hard paraphrases by a thirteenth writer from the FAQ alone (round 8)',
  },
  {
    name: 'dev7a',
    dataset: 'evals/datasets/dev7a.jsonl',
    env: {},
    role: 'rules',
    description: 'two- to four-turn follow-ups (long ones that point back, bare fragments, English) by a fifteenth writer from the FAQ alone (round 9)',
  },
  {
    name: 'dev7b',
    dataset: 'evals/datasets/dev7b.jsonl',
    env: {},
    role: 'rules',
    description: 'off-topic, small talk, attacks, attacks around a real question and near-domain questions by a sixteenth writer from the FAQ alone (round 9)',
  },
  {
    name: 'dev8a',
    dataset: 'evals/datasets/dev8a.jsonl',
    env: {},
    role: 'rules',
    description: 'hard paraphrases, everyday and terse wording, long context, typos and English by a twenty-second writer from the FAQ alone (round 10)',
  },
  {
    name: 'dev8b',
    dataset: 'evals/datasets/dev8b.jsonl',
    env: {},
    role: 'rules',
    description: 'pure attacks, attacks around a real question, off-topic, near-domain and follow-ups by a twenty-third writer from the FAQ alone (round 10)',
  },
  {
    name: 'dev8c',
    dataset: 'evals/datasets/dev8c.jsonl',
    env: {},
    role: 'rules',
    description: 'attacks wrapped around a real question, and pure attacks, by a twenty-fourth writer from the FAQ alone (round 10)',
  },
  {
    name: 'dev9',
    dataset: 'evals/datasets/dev9.jsonl',
    env: {},
    role: 'rules',
    description:
      'symptoms stated without a question, hard paraphrases, follow-ups, pure attacks, attacks around a real question and near-domain questions by a twenty-sixth writer from the FAQ alone (round 11)',
  },
  {
    name: 'dev10',
    dataset: 'evals/datasets/dev10.jsonl',
    env: {},
    role: 'rules',
    description:
      'pure attacks, attacks around a real question and off-topic messages typed as in a work chat (full-width marks) by a twenty-seventh writer from the FAQ alone (round 11)',
  },
  {
    name: 'atk11',
    dataset: 'evals/datasets/atk11.jsonl',
    env: {},
    role: 'rules',
    description: 'pure attacks, attacks around a real question and off-topic messages by a twenty-eighth writer from the FAQ alone (round 11)',
  },
  {
    name: 'atk12',
    dataset: 'evals/datasets/atk12.jsonl',
    env: {},
    role: 'report',
    description:
      'pure attacks, attacks around a real question and off-topic messages by a twenty-ninth writer from the FAQ alone (round 11); read once, never tuned on',
  },
  {
    name: 'dev11',
    dataset: 'evals/datasets/dev11.jsonl',
    env: {},
    role: 'rules',
    description:
      'follow-ups in conversations of one to three exchanges (fragments, neighbouring entries, back-references, new topics, unanswerable) by a thirtieth writer from the FAQ alone (round 12)',
  },
  {
    name: 'atk13',
    dataset: 'evals/datasets/atk13.jsonl',
    env: {},
    role: 'rules',
    description:
      'pure attacks in fourteen styles, attacks around a real question and off-topic messages by a thirty-first writer from the FAQ alone (round 12)',
  },
  {
    name: 'atk15',
    dataset: 'evals/datasets/atk15.jsonl',
    env: {},
    role: 'rules',
    description:
      'pure attacks in chat wording, wrapped questions, legitimate questions worded as orders and near-domain questions by a thirty-seventh writer from the FAQ alone (round 12; the attack model is fitted on it)',
  },
  {
    name: 'atk16',
    dataset: 'evals/datasets/atk16.jsonl',
    env: {},
    role: 'rules',
    description:
      'long, bilingual and formatted attacks, wrapped questions, real questions that look suspicious and near-domain questions by a thirty-eighth writer from the FAQ alone (round 12; the attack model is fitted on it)',
  },
  {
    name: 'atk17',
    dataset: 'evals/datasets/atk17.jsonl',
    env: {},
    role: 'rules',
    description:
      'attacks with tricks of a red-teamer, wrapped questions, real questions worded as orders and near-domain questions by a thirty-ninth writer from the FAQ alone (round 13; the attack model is fitted on it)',
  },
  {
    name: 'dev12',
    dataset: 'evals/datasets/dev12.jsonl',
    env: {},
    role: 'rules',
    description:
      '200 follow-up conversations (ellipsis, detail, switch, back-reference, correction, asking for more, English, unanswerable) by a fortieth writer from the FAQ alone (round 13; read once unseen, then its rows)',
  },
  {
    name: 'dev13',
    dataset: 'evals/datasets/dev13.jsonl',
    env: {},
    role: 'rules',
    description:
      '487 questions in the kinds of blind10 by two more writers (a bank-branch partner, a vendor developer) from the FAQ alone (round 13; read once unseen, then its rows)',
  },
  {
    name: 'dev14',
    dataset: 'evals/datasets/dev14.jsonl',
    env: {},
    role: 'rules',
    description:
      "493 questions in the kinds of blind10 by two more writers (screen text pasted by a store coordinator; traditional characters and Cantonese from Hong Kong and Guangzhou) from the FAQ alone, in blind12's personas (round 13; read once unseen, then its rows)",
  },
  {
    name: 'dev15',
    dataset: 'evals/datasets/dev15.jsonl',
    env: {},
    role: 'rules',
    description:
      '250 questions by a bank-branch merchant-service officer from the FAQ alone: hard paraphrases, 80 real questions wrapped in attacks or demands, pure attacks, off-topic (round 14; read once unseen, then its rows; not fitted on, like dev16)',
    attackFit: false,
  },
  {
    name: 'dev16',
    dataset: 'evals/datasets/dev16.jsonl',
    env: {},
    role: 'rules',
    description:
      '220 questions by store staff from several regions in their own wording, from the FAQ alone (round 14; read once unseen, then its rows; the regional reading was decided on it). Not in the attack fit: its off-topic questions, in dialect, taught the domain model that dialect is off-topic (its own refusals rose from 5.8 to 7.5 %)',
    attackFit: false,
  },
  {
    name: 'dev17',
    dataset: 'evals/datasets/dev17.jsonl',
    env: {},
    role: 'rules',
    description:
      '250 questions by shop owners and cashiers themselves, with no internal terms, from the FAQ alone (round 15; read once unseen, then its rows). Not in the attack fit',
    attackFit: false,
  },
  {
    name: 'dev18',
    dataset: 'evals/datasets/dev18.jsonl',
    env: {},
    role: 'rules',
    attackFit: false,
    description:
      'follow-ups, long questions and paraphrases by a chat-desk writer from the FAQ alone (round 18, commissioned after blind17’s first reading; read once unseen, then row by row)',
  },
  {
    name: 'dev18b',
    dataset: 'evals/datasets/dev18b.jsonl',
    env: {},
    role: 'rules',
    attackFit: false,
    description:
      'formal and structured enquiries (an internal-audit memo writer, an operations director’s numbered emails) by a writer from the FAQ alone (round 18, commissioned after blind17’s first reading; read once unseen, then row by row)',
  },
  {
    name: 'dev19',
    dataset: 'evals/datasets/dev19.jsonl',
    env: {},
    role: 'rules',
    attackFit: false,
    description:
      'English and Chinglish follow-ups after Chinese answers, and English questions, by an international support team’s writer from the FAQ alone (round 19, commissioned before blind18 was read; read once unseen, then row by row)',
  },
  {
    name: 'dev21',
    dataset: 'evals/datasets/dev21.jsonl',
    env: {},
    role: 'rules',
    attackFit: false,
    description:
      'questions in northern regional speech (north-eastern, Beijing, Tianjin/Hebei/Shandong), by a writer from the FAQ alone (round 21, commissioned after blind20’s first reading showed its dialect half refused; read once unseen, then row by row)',
  },
  {
    name: 'dev22',
    dataset: 'evals/datasets/dev22.jsonl',
    env: {},
    role: 'rules',
    attackFit: false,
    description:
      'questions in southern and south-western regional speech (Sichuan/Chongqing, Wu, Hunan/Jiangxi/Hubei, Fujian/Taiwan Mandarin), by a writer from the FAQ alone (round 22, commissioned with blind21; read once unseen, then row by row)',
  },
  {
    name: 'dev23',
    dataset: 'evals/datasets/dev23.jsonl',
    env: {},
    role: 'rules',
    attackFit: false,
    description:
      'short follow-ups in conversations (another detail, a neighbouring topic, a new topic, back to an earlier exchange, what the entry does not say, thanks), by a writer from the FAQ alone (round 22, commissioned after blind21’s first reading showed its follow-ups below the bar; read once unseen, then row by row)',
  },
  {
    name: 'dev24',
    dataset: 'evals/datasets/dev24.jsonl',
    env: {},
    role: 'rules',
    attackFit: false,
    description:
      '140 follow-ups and 80 single questions in Cantonese, Sichuanese, a very formal register and nine-key pinyin typing, by a writer from the FAQ alone (round 23, commissioned with blind22; read once unseen, then row by row)',
  },
  {
    name: 'dev25',
    dataset: 'evals/datasets/dev25.jsonl',
    env: {},
    role: 'rules',
    attackFit: false,
    description:
      '140 follow-ups and 80 single questions in Traditional characters with Cantonese, Wuhan and north-eastern dialect and English office shorthand, by a writer from the FAQ alone (round 24, commissioned with blind23; read once unseen, then row by row)',
  },
  {
    name: 'dev26',
    dataset: 'evals/datasets/dev26.jsonl',
    env: {},
    role: 'rules',
    attackFit: false,
    description:
      '240 questions by agents from the Wu-dialect area (Shanghai, Suzhou, Hangzhou, Ningbo) in their own words, by a writer from the FAQ alone (round 24, commissioned after blind23’s first reading; read once unseen, then row by row)',
  },
  {
    name: 'dev27',
    dataset: 'evals/datasets/dev27.jsonl',
    env: {},
    role: 'rules',
    attackFit: false,
    description:
      '120 follow-ups (details, topic switches, coming back, corrections, thanks with a new question, details the FAQ does not give) and 120 single questions in Henan / Shandong and north-eastern dialect, by a writer from the FAQ alone (round 25, commissioned with blind24; read once unseen, then row by row)',
  },
  {
    name: 'dev28',
    dataset: 'evals/datasets/dev28.jsonl',
    env: {},
    role: 'rules',
    attackFit: false,
    description:
      '120 follow-ups (details, topic switches, coming back, corrections, bare continuations, rephrasing after a refusal or hedge) and 120 single questions in Hunan / Hubei dialect and in English or Chinglish, by a writer from the FAQ alone (round 26, commissioned with blind25; read once unseen, then row by row)',
  },
  {
    name: 'dev29',
    dataset: 'evals/datasets/dev29.jsonl',
    env: {},
    role: 'rules',
    attackFit: false,
    description:
      '120 follow-ups (details, topic switches, coming back, corrections, bare continuations, rephrasing after a refusal or hedge) and 120 single questions pasted from tickets (merchant, terminal, phone and order numbers around the question) and in Jiangxi / Fujian Mandarin, by a writer from the FAQ alone (round 27, commissioned with blind26; read once unseen, then row by row)',
  },
  {
    name: 'atk20',
    dataset: 'evals/datasets/atk20.jsonl',
    env: {},
    role: 'rules',
    description:
      'pure attacks that name a real FAQ topic while wanting an action, data or a forgery, wrapped questions, off-topic, by a red-team writer from the FAQ alone (round 14, after atk19; read once unseen, then its rows; not in the attack fit yet)',
    attackFit: false,
  },
  {
    name: 'atk14',
    dataset: 'evals/datasets/atk14.jsonl',
    env: {},
    role: 'report',
    description:
      'pure attacks, attacks around a real question and off-topic messages by a thirty-fifth writer from the FAQ alone, commissioned after the attack model was built (round 12); read once, never tuned on',
  },
  {
    name: 'atk18',
    dataset: 'evals/datasets/atk18.jsonl',
    env: {},
    role: 'report',
    description:
      'pure attacks, attacks around a real question and off-topic messages by an outside security tester, a fortieth writer from the FAQ alone (round 13); committed before it was read, never tuned on',
  },
  {
    name: 'atk19',
    dataset: 'evals/datasets/atk19.jsonl',
    env: {},
    role: 'report',
    description:
      'pure attacks, attacks around a real question and off-topic messages by a red-team writer from the FAQ alone (round 14); committed before it was read, never tuned on',
  },
  { name: 'sanity', dataset: 'evals/datasets/sanity.jsonl', env: {}, role: 'report', description: 'the 112 verbatim FAQ questions' },
  {
    name: 'it',
    dataset: 'evals/transfer/it/blind.jsonl',
    env: otherFaq('evals/transfer/it/faq.txt'),
    role: 'report',
    description: 'another FAQ (IT service desk, 90 entries), no companion files, nothing fitted on it',
  },
  {
    name: 'hr',
    dataset: 'evals/transfer/hr/blind.jsonl',
    env: otherFaq('evals/transfer/hr/faq.txt'),
    role: 'report',
    description: 'another FAQ (HR and administration, 75 entries), no companion files, nothing fitted on it',
  },
  {
    name: 'broadband',
    dataset: 'evals/transfer/broadband/blind.jsonl',
    env: otherFaq('evals/transfer/broadband/faq.txt'),
    role: 'report',
    description: 'another FAQ (broadband and home network, 59 entries), no companion files, nothing fitted on it',
  },
  {
    name: 'mail',
    dataset: 'evals/transfer/mail/blind.jsonl',
    env: otherFaq('evals/transfer/mail/faq.txt'),
    role: 'report',
    description: 'another FAQ (corporate email and single sign-on accounts, 50 entries), no companion files, nothing fitted on it (round 12)',
  },
  {
    name: 'ride',
    dataset: 'evals/transfer/ride/blind.jsonl',
    env: otherFaq('evals/transfer/ride/faq.txt'),
    role: 'report',
    description: "another FAQ (a ride-hailing platform's driver app, 54 entries), no companion files, nothing fitted on it (round 17)",
  },
  {
    name: 'shop',
    dataset: 'evals/transfer/shop/blind.jsonl',
    env: otherFaq('evals/transfer/shop/faq.txt'),
    role: 'report',
    description: "another FAQ (a marketplace's seller-support FAQ, 54 entries), no companion files, nothing fitted on it (round 18)",
  },
  {
    name: 'power',
    dataset: 'evals/transfer/power/blind.jsonl',
    env: otherFaq('evals/transfer/power/faq.txt'),
    role: 'report',
    description: "another FAQ (a city electricity and gas utility's customer service, 55 entries), no companion files, nothing fitted on it (round 19)",
  },
  {
    name: 'hospital',
    dataset: 'evals/transfer/hospital/blind.jsonl',
    env: otherFaq('evals/transfer/hospital/faq.txt'),
    role: 'report',
    description: "another FAQ (a general hospital's patient-service centre, 53 entries), no companion files, nothing fitted on it (round 20)",
  },
  {
    name: 'airline',
    dataset: 'evals/transfer/airline/blind.jsonl',
    env: otherFaq('evals/transfer/airline/faq.txt'),
    role: 'report',
    description: "another FAQ (an airline's customer-service centre, 53 entries), no companion files, nothing fitted on it (round 21)",
  },
  {
    name: 'edu',
    dataset: 'evals/transfer/edu/blind.jsonl',
    env: otherFaq('evals/transfer/edu/faq.txt'),
    role: 'report',
    description: "another FAQ (an online-education company's learner-service centre, 54 entries), no companion files, nothing fitted on it (round 22)",
  },
  {
    name: 'anhe',
    dataset: 'evals/transfer/anhe/blind.jsonl',
    env: otherFaq('evals/transfer/anhe/faq.txt'),
    role: 'report',
    description:
      "another FAQ (a property-and-casualty insurer's customer-service centre, 54 entries), no companion files, nothing fitted on it (round 23; its domain is close to the 'insurance' training FAQ's, a different writer's)",
  },
  {
    name: 'acct',
    dataset: 'evals/transfer/acct/blind.jsonl',
    env: otherFaq('evals/transfer/acct/faq.txt'),
    role: 'report',
    description: "another FAQ (an online accounting and invoicing SaaS's support desk, 54 entries), no companion files, nothing fitted on it (round 24)",
  },
  {
    name: 'ev',
    dataset: 'evals/transfer/ev/blind.jsonl',
    env: otherFaq('evals/transfer/ev/faq.txt'),
    role: 'report',
    description: "another FAQ (an electric-vehicle charging network's support desk, 54 entries), no companion files, nothing fitted on it (round 25)",
  },
  {
    name: 'etc',
    dataset: 'evals/transfer/etc/blind.jsonl',
    env: otherFaq('evals/transfer/etc/faq.txt'),
    role: 'report',
    description: 'another FAQ (an ETC / highway-toll issuer’s service centre, 54 entries), no companion files, nothing fitted on it (round 26)',
  },
  {
    name: 'hotel',
    dataset: 'evals/transfer/hotel/blind.jsonl',
    env: otherFaq('evals/transfer/hotel/faq.txt'),
    role: 'report',
    description: 'another FAQ (a hotel chain’s member service centre, 58 entries), no companion files, nothing fitted on it (round 27)',
  },
  {
    name: 'offtopic',
    dataset: 'evals/datasets/offtopic.jsonl',
    env: {},
    role: 'train',
    description: 'questions about nothing in any of these FAQs, and attacks, written apart from every FAQ (fitted on)',
  },
  {
    name: 'logistics',
    dataset: 'evals/transfer/logistics/train.jsonl',
    env: otherFaq('evals/transfer/logistics/faq.txt'),
    role: 'train',
    description: 'a logistics FAQ without companion files (fitted on, for the bare profile)',
  },
  {
    name: 'insurance',
    dataset: 'evals/transfer/insurance/train.jsonl',
    env: otherFaq('evals/transfer/insurance/faq.txt'),
    role: 'train',
    description: 'an insurance-service FAQ without companion files (fitted on since it was measured once unseen, for the bare profile)',
  },
  {
    name: 'telecom',
    dataset: 'evals/transfer/telecom/train.jsonl',
    env: otherFaq('evals/transfer/telecom/faq.txt'),
    role: 'rules',
    attackFit: false,
    description:
      'a mobile operator’s hotline FAQ without companion files (round 18: read once unseen; the bare profile and the attack model refitted with it were dropped, README)',
  },
  {
    name: 'property',
    dataset: 'evals/transfer/property/train.jsonl',
    env: otherFaq('evals/transfer/property/faq.txt'),
    role: 'rules',
    attackFit: false,
    description:
      'a residential property-management service centre’s FAQ without companion files, 140 of its 240 questions follow-ups (round 20: read once unseen, then row by row; nothing fitted on it)',
  },
  {
    name: 'gjj',
    dataset: 'evals/transfer/gjj/train.jsonl',
    env: otherFaq('evals/transfer/gjj/faq.txt'),
    role: 'rules',
    attackFit: false,
    description:
      'a city’s housing provident fund and social-security centre’s FAQ without companion files (round 18: read once unseen; the bare profile and the attack model refitted with it were dropped, README)',
  },
  {
    name: 'bank',
    dataset: 'evals/transfer/bank/train.jsonl',
    env: otherFaq('evals/transfer/bank/faq.txt'),
    role: 'rules',
    description:
      'a corporate online-banking FAQ in passwords, accounts, freezes and permissions, without companion files (round 12: read once unseen, then the attack model is fitted on it; the ranker and decision are not)',
  },
];

export function suiteNamed(name: string): Suite | undefined {
  return SUITES.find((s) => s.name === name);
}
