/**
 * Every text the runtime shows, in Dutch. Another language is another file with the same shape
 * (`typeof nl`), chosen in src/main.ts from the course language.
 */
export const nl = {
  /** Shell, navigation, pages, notices, results (owned by the shell/page components). */
  shell: {
    skipToContent: 'Naar de inhoud',
    tableOfContents: 'Inhoudsopgave',
    menu: 'Inhoud',
    progressLabel: 'Voortgang',
    moduleProgress: (module: number, done: number, total: number) => `Module ${module} · ${done} van ${total}`,
    whereAmI: (module: number, page: number, pages: number) => `Module ${module} · pagina ${page} van ${pages}`,
    previous: 'Vorige',
    next: 'Volgende',
    locked: 'Nog niet beschikbaar',
    visited: 'Bekeken',
    current: 'Huidige stap',
    sources: 'Bronnen',
    minutes: (n: number) => `Leestijd ongeveer ${n} ${n === 1 ? 'minuut' : 'minuten'}`,
    module: 'Module',
    pageNavigation: 'Bladeren',
    table: (caption: string) => (caption ? `Tabel: ${caption}` : 'Tabel'),
    dismiss: 'Melding sluiten',
    noticeKinds: { info: 'Informatie', warning: 'Waarschuwing', error: 'Fout' },
    resultTitle: 'Resultaat van de toets',
    score: (percent: number) => `Je score: ${percent}%`,
    passed: 'Geslaagd',
    failed: 'Niet geslaagd',
    passingScore: (percent: number) => `Nodig om te slagen: ${percent}%`,
    attempt: (n: number) => `Poging ${n}`,
    perLeerdoel: 'Resultaat per leerdoel',
    leerdoelScore: 'Score',
    notTested: 'niet getoetst',
    goToModule: (title: string) => `Naar ${title}`,
    /** The cover screen (course-cover). */
    cover: {
      duration: (minutes: number) => {
        const hours = Math.floor(minutes / 60);
        const rest = minutes % 60;
        const min = (n: number) => `${n} ${n === 1 ? 'minuut' : 'minuten'}`;
        return `Studieduur: ongeveer ${hours ? `${hours} uur${rest ? ` en ${min(rest)}` : ''}` : min(rest)}`;
      },
      leerdoelen: 'Na deze cursus',
      modules: 'Wat je leert',
      moduleDone: (done: number, total: number) => `${done} van ${total} bekeken`,
      start: 'Start',
      resume: 'Verder waar je was',
    },
    retry: 'Toets opnieuw maken',
    attemptsLeft: (n: number) => `Je hebt nog ${n} ${n === 1 ? 'poging' : 'pogingen'} over.`,
    noAttemptsLeft: 'Je hebt geen pogingen meer over.',
    reviewTitle: 'Je antwoorden teruglezen',
    reviewShow: 'Bekijk je antwoorden',
    reviewHide: 'Verberg je antwoorden',
    notAnswered: 'Niet beantwoord: deze vraag telt als fout.',
  },
  /** Questions, knowledge checks and the final test (owned by the question components). */
  questions: {
    check: 'Controleer',
    correct: 'Juist',
    incorrect: 'Niet juist',
    partlyCorrect: 'Gedeeltelijk juist',
    true: 'Waar',
    false: 'Niet waar',
    source: 'Bron',
    sources: 'Bronnen',
    chooseAll: 'Kies alle juiste antwoorden.',
    yourAnswerCorrect: 'Jouw antwoord, juist',
    yourAnswerIncorrect: 'Jouw antwoord, niet juist',
    correctAnswer: 'Juiste antwoord',
    questionOf: (n: number, total: number) => `Vraag ${n} van ${total}`,
    answered: (n: number, total: number) => `${n} van ${total} vragen beantwoord`,
    itemCount: (n: number) => `Aantal vragen: ${n}`,
    passingScore: (percent: number) => `Nodig om te slagen: ${percent}% goed`,
    attemptOf: (n: number, total: number) => `Poging ${n} van ${total}`,
    attemptUnlimited: (n: number) => `Poging ${n} (onbeperkt aantal pogingen)`,
    start: 'Start de toets',
    submit: 'Toets inleveren',
    confirmTitle: 'Niet alle vragen beantwoord',
    confirmText: (open: number) =>
      `Je hebt ${open} ${open === 1 ? 'vraag' : 'vragen'} nog niet beantwoord. Een vraag zonder antwoord telt als fout. Wil je de toets toch inleveren?`,
    confirmSubmit: 'Toch inleveren',
    confirmCancel: 'Terug naar de vragen',
    previousQuestion: 'Vorige vraag',
    nextQuestion: 'Volgende vraag',
    toOverview: 'Naar het overzicht',
    overviewTitle: 'Overzicht',
    overviewIntro: 'Kies een vraag om je antwoord te bekijken of te veranderen. Klaar? Lever de toets in.',
    isAnswered: 'Beantwoord',
    notAnswered: 'Niet beantwoord',
    yourAnswer: 'Jouw antwoord',
    tryAgain: 'Kies een ander antwoord en controleer opnieuw, of bekijk het juiste antwoord.',
    showAnswer: 'Toon het juiste antwoord',
    classifyHint: 'Kies bij elke uitspraak een begrip, of sleep de uitspraak naar een vak.',
    placedRight: 'Goed ingedeeld',
    placedWrong: 'Niet goed ingedeeld',
    yourChoice: 'Jouw keuze',
    belongsTo: 'Hoort bij',
    notPlaced: 'niet ingedeeld',
    orderingHint: 'Zet de stappen in de goede volgorde met de knoppen Omhoog en Omlaag, of sleep ze.',
    up: 'Omhoog',
    down: 'Omlaag',
    movedTo: (text: string, n: number, total: number) => `${text} staat nu op plaats ${n} van ${total}`,
    placeRight: (n: number) => `Plaats ${n}, juist`,
    /** right = 0: without saying where it belongs (before the learner tried again). */
    placeWrong: (n: number, right: number) => `Plaats ${n}, niet juist${right ? ` (hoort op plaats ${right})` : ''}`,
    correctOrder: 'De juiste volgorde',
    conversation: 'Het gesprek',
    you: 'Jij',
    yourReply: 'Jouw reactie',
    chooseReply: 'Kies je reactie',
    reflect: 'Om over na te denken',
    restart: 'Opnieuw beginnen',
  },
  /** Written answers to opdrachten, their export and printing (owned by the reflection components). */
  reflection: {
    remaining: (n: number) => `Nog ${n} ${n === 1 ? 'teken' : 'tekens'}`,
    save: 'Opslaan',
    saving: 'Opslaan…',
    saved: 'Opgeslagen',
    saveFailed: 'Niet opgeslagen — probeer het opnieuw',
    exportTitle: 'Je antwoorden bewaren',
    exportIntro:
      'Neem je antwoorden mee naar de les of naar je inwerkgesprek: download ze als bestand of druk deze pagina af.',
    download: 'Download mijn antwoorden',
    print: 'Afdrukken',
    downloaded: (file: string) => `Je antwoorden zijn gedownload als ${file}.`,
    downloadFailed: 'Downloaden lukte niet. Druk de pagina af of kopieer je antwoorden.',
    fileName: 'mijn-antwoorden',
    documentTitle: (course: string) => (course ? `Mijn antwoorden – ${course}` : 'Mijn antwoorden'),
    name: 'Naam',
    date: 'Datum',
    question: 'Vraag',
    answer: 'Mijn antwoord',
    noAnswer: '(nog niet beantwoord)',
  },
  /** Reading a page aloud with the browser's Dutch voice (owned by course-read-aloud). */
  readAloud: {
    controls: 'Voorlezen',
    start: 'Voorlezen',
    pause: 'Pauzeer',
    resume: 'Verder voorlezen',
    stop: 'Stop',
    reading: 'De pagina wordt voorgelezen.',
    paused: 'Voorlezen gepauzeerd.',
    stopped: 'Voorlezen gestopt.',
    finished: 'Klaar met voorlezen.',
    failed: 'Voorlezen lukt nu niet op dit apparaat. Probeer het later opnieuw.',
    image: (alt: string) => `Afbeelding: ${alt}`,
  },
  /** The interactive blocks in page text (course-tabs, course-flip-card, course-continue, course-steps). */
  blocks: {
    turnCard: 'Draai om',
    continueReading: 'Verder',
    tabs: 'Tabbladen',
    previousStep: 'Vorige stap',
    nextStep: 'Volgende stap',
    stepOf: (step: number, count: number) => `Stap ${step} van ${count}`,
  },
  /** Messages from the controller about saving, the LMS and the test (owned by src/app). */
  notices: {
    standalone:
      'Je volgt deze cursus zonder leeromgeving. Je voortgang wordt alleen in deze browser op dit apparaat bewaard.',
    lmsUnavailable:
      'De leeromgeving reageert niet. Je kunt gewoon verder, maar je voortgang wordt nu alleen in deze browser bewaard en komt niet in de leeromgeving.',
    saveFailed:
      'Je laatste stap is nog niet opgeslagen in de leeromgeving. We proberen het automatisch opnieuw; tot dan bewaren we je antwoorden op dit apparaat.',
    offlineCopy:
      'De leeromgeving reageert nog steeds niet. Je voortgang staat veilig op dit apparaat en gaat naar de leeromgeving zodra die weer reageert, uiterlijk bij je volgende bezoek vanaf dit apparaat. Sluit de cursus liever pas als deze melding weg is.',
    statePartial:
      'De cursus is bijgewerkt sinds je laatste bezoek. We hebben zoveel mogelijk van je voortgang teruggezet.',
    stateUnreadable:
      'Je eerdere voortgang kon niet worden gelezen. Je begint opnieuw; je eerdere resultaten in de leeromgeving blijven staan.',
    testRestarted:
      'De eindtoets is bijgewerkt sinds je laatste bezoek, daarom begint je toetspoging opnieuw. Deze poging telt niet mee; de rest van je voortgang staat er nog.',
    takenOver:
      'Je hebt deze cursus ook in een ander venster of tabblad geopend. Ga daar verder: wat je hier nog doet, wordt niet meer opgeslagen.',
    testLocked: 'De eindtoets gaat open als je alle pagina’s en kennischecks hebt bekeken.',
    noScript: 'Deze cursus heeft JavaScript nodig. Zet JavaScript aan of open de cursus in een andere browser.',
    loadFailed: 'De cursus kon niet worden geladen. Vernieuw de pagina of neem contact op met je opleider.',
  },
};

export type Strings = typeof nl;
