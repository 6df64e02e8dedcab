/**
 * Every tuned weight and threshold of the quiz generator, in one place, each with the reason
 * for its value. What was measured with them (quiz-check pass rates, blind judgements) is in
 * the README, not here.
 */
export const QUIZ_TUNING = {
  /**
   * Articles tell one story when the capitalised names they use overlap at least this much (Jaccard):
   * reports of one story share most of theirs, articles on different subjects a country or two. "Who"
   * distractors come from the answer's story only (README: the overlaps measured on each corpus).
   */
  sameStoryNameOverlap: 0.08,
  /** …and share at least two names: two unrelated stories can share one (a country). */
  sameStorySharedNames: 2,
  /**
   * Draws of four events a "which came first" question tries: one draw can fail (its earliest event's
   * sentence already asked about), and a quiz takes one question of this kind.
   */
  whichFirstDraws: 16,
  /**
   * Events nearest in time to the answer that "what happened" draws its three distractors from (twice as
   * many for "which came first", which needs three that do not overlap): near enough to be believable for
   * the date, a few more than needed so that games differ.
   */
  nearEventChoices: 5,
  /**
   * Share of an event label's words its cited sentence must hold when that sentence points back: a label
   * rebuilt with what `hiệp ước này` stands for keeps most; one from the neighbouring sentence almost none.
   */
  labelWordsInSentence: 0.5,
  /**
   * Event choices come from the answer's own articles alone when they offer this many: three distractors
   * and a spare, since two may fall on one date; otherwise also from articles on its story (and, for
   * "which came first" alone, then from any article of the answer's time).
   */
  ownArticleEvents: 4,
  /**
   * How far from the answer's date an event choice may lie, in years, by the answer's precision: two for a
   * day or a month (a news story's weeks and the year or so of background its reports recall), fifteen
   * for a year (one generation's events, not another century's), fifty for a decade, three hundred for a century.
   */
  eventChoiceSpanYears: { day: 2, month: 2, year: 15, decade: 50, century: 300 },
  /**
   * …or this share of the time from the answer to the briefing's latest year, when wider: the further back,
   * the wider an era a player thinks in (about a century around 1562, two decades around 1950).
   */
  eventChoiceAgeShare: 0.25,
  /**
   * Days at least between any two choices of "which came first": the steps of one chain of happenings (a
   * theft, the police's images, the arrests, the recovery) follow within days or a couple of weeks, and
   * their order follows from what they are; happenings three weeks apart are ordered only by knowing them.
   */
  whichFirstMinGapDays: 21,
  /**
   * Two source sentences are one when this share of the shorter one's word triples is in the other:
   * an outlet's rewording of shared wire copy keeps about half of them or more (the demo's 210 tỷ euro
   * sentence in 003 and 004: 0.46; the Rubio quotation: 0.83), two different sentences of a story few.
   */
  sameSentenceContainment: 0.4,
  /** Words allowed between a title and the name it introduces (`Ngoại trưởng Nga Sergey Lavrov`): a country or an office's name. */
  titleGapWords: 2,
  /** Two first names of one surname are one person when this few letters differ (`Yuri`/`Yury`, `Sergey`/`Sergei`), not more (`Lothar`/`Thomas`). */
  sameFirstNameEdits: 2,
  /** Two surnames are one when this few letters differ (`Zelensky`/`Zelenskyy`)… */
  sameSurnameEdits: 1,
  /** …and both have at least this many letters: short names differ by one letter and are other people (`Lee`/`Lei`). */
  surnameMinCharsForEdits: 5,
  /** Characters between a verb and a speaker named after it: room for a title (`Theo trợ lý Tổng thống Nga Yuri Ushakov`). */
  speakerAfterVerbMaxChars: 30,
  /** A fill-in sentence shorter than this many words leaves too little around the blank to answer from (`____ nén.`). */
  fillInMinWords: 6,
  /** A quotation shorter than this is a phrase (`"hữu ích"`), not something a person is remembered for saying. */
  quoteMinChars: 25,
  /**
   * …nor one of fewer words than this, which anyone could have said (`Tôi không biết, theo tôi thì không`):
   * about six English words; Vietnamese words are syllables, about one and a half per English word.
   */
  quoteMinWords: { en: 6, vi: 10 },
  /**
   * Characters at most of an event label offered as a choice, when an opening of it reads alone: two lines
   * of a phone's Discord message (about 45 characters each); a news lead sentence (140 and more) fills a screen.
   */
  choiceMaxChars: 90,
  /** A longer quotation makes a prompt a player cannot read within the countdown. */
  quoteMaxChars: 220,
  /**
   * A person cue (`ông`, `Ngoại trưởng`, `President`) counts for a name at most this many words before it:
   * long enough for `Ngoại trưởng Nga Sergey Lavrov`, short enough not to reach the previous clause's name.
   */
  personCueWindowWords: 4,
  /**
   * Day offsets tried for date distractors: within about a week and a half either side, so the choices
   * are plausible for the same story, never the same day; months and years use the same steps.
   */
  dateDistractorOffsets: [-9, -7, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 7, 9],
  /** Steps for decades and centuries: one to three of their own size either side (`the 1970s`…`the 2010s` for `the 1990s`). */
  wideDateDistractorSteps: [-3, -2, -1, 1, 2, 3],
  /** Below this a number is a small count (`4 tài liệu`): distractors step by one or two rather than by ratio. */
  smallNumberLimit: 12,
  /**
   * Ratios for distractors of larger numbers: the same magnitude, far enough apart not to be a rounding.
   * More ratios than choices, since a distractor is dropped when rounding makes it look rounder than the
   * answer (`2.5` offered beside `5.0`) or pushes a percentage past 100.
   */
  numberDistractorRatios: [0.5, 0.6, 0.75, 0.8, 1.2, 1.25, 1.4, 1.5, 2],
} as const;
