/**
 * Every text the runtime shows, in Dutch. Another language is another file with the same shape
 * (`typeof nl`), chosen in src/main.ts from the course language.
 */
export const nl = {
  /** Shell, navigation, pages, notices, results (owned by the shell/page components). */
  shell: {
    skipToContent: 'Naar de inhoud',
    tableOfContents: 'Inhoudsopgave',
    openMenu: 'Inhoudsopgave tonen',
    closeMenu: 'Inhoudsopgave verbergen',
    progress: (percent: number) => `Voortgang: ${percent}%`,
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
    leerdoel: 'Leerdoel',
    leerdoelScore: 'Score',
    review: 'Teruglezen',
    notTested: 'niet getoetst',
    goToModule: (title: string) => `Naar ${title}`,
    retry: 'Toets opnieuw maken',
    attemptsLeft: (n: number) => `Je hebt nog ${n} ${n === 1 ? 'poging' : 'pogingen'} over.`,
    noAttemptsLeft: 'Je hebt geen pogingen meer over.',
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
  },
  /** Messages from the controller about saving, the LMS and the test (owned by src/app). */
  notices: {
    standalone:
      'Je volgt deze cursus zonder leeromgeving. Je voortgang wordt alleen in deze browser op dit apparaat bewaard.',
    lmsUnavailable:
      'De leeromgeving reageert niet. Je kunt gewoon verder, maar je voortgang wordt nu alleen in deze browser bewaard en komt niet in de leeromgeving.',
    saveFailed:
      'Je laatste stap is nog niet opgeslagen in de leeromgeving. Bij je volgende stap proberen we het opnieuw. Sluit dit venster liever nog niet.',
    statePartial:
      'De cursus is bijgewerkt sinds je laatste bezoek. We hebben zoveel mogelijk van je voortgang teruggezet.',
    stateUnreadable:
      'Je eerdere voortgang kon niet worden gelezen. Je begint opnieuw; je eerdere resultaten in de leeromgeving blijven staan.',
    testLocked: 'De eindtoets gaat open als je alle pagina’s en kennischecks hebt bekeken.',
    noScript: 'Deze cursus heeft JavaScript nodig. Zet JavaScript aan of open de cursus in een andere browser.',
    loadFailed: 'De cursus kon niet worden geladen. Vernieuw de pagina of neem contact op met je opleider.',
  },
};

export type Strings = typeof nl;

