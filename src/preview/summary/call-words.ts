/**
 * Each SCORM API call in plain Dutch for the preview's call log ("Antwoord op vraag 3 opgeslagen"),
 * so an author can follow what the course tells the LMS without knowing the CMI data model. The raw
 * call stays available behind the Technisch switch.
 */
import type { ApiCall } from '../emulator-support.js';
import type { CourseIndex } from './course-index.js';
import { itemOfInteraction } from './learner-summary.js';

type Cmi = Record<string, string>;

const STATUS: Record<string, string> = {
  'not attempted': 'niet begonnen',
  incomplete: 'bezig',
  browsed: 'bekeken',
  completed: 'voltooid',
  passed: 'geslaagd',
  failed: 'gezakt',
  unknown: 'onbekend',
};

const RESULT: Record<string, string> = {
  correct: 'juist',
  wrong: 'onjuist',
  incorrect: 'onjuist',
  neutral: 'zonder oordeel',
  unanticipated: 'onverwacht',
};

const words = (value: string, table: Record<string, string>) => table[value.toLowerCase()] ?? `'${value}'`;

/** "vraag 3 van Kennischeck X (“Wat beschrijft Samira?”)", or the raw id when the course is unknown. */
function question(index: CourseIndex | null, interactionId: string | undefined): string {
  if (!interactionId) return 'een vraag';
  const found = itemOfInteraction(interactionId);
  const item = found && index?.items.get(found.item);
  if (!item) return `vraag '${found?.item ?? interactionId}'`;
  const attempt = found.attempt > 0 ? `, poging ${found.attempt}` : '';
  return `vraag ${item.number} van ${item.assessment}${attempt} (“${item.question}”)`;
}

function leerdoel(objectiveId: string | undefined): string {
  const id = objectiveId?.replace(/^.*:ld:/, '') ?? '';
  return id ? `leerdoel ${id}` : 'een leerdoel';
}

function stepTitle(index: CourseIndex | null, id: string): string {
  const step = index?.steps.find((s) => s.id === id);
  return step ? `“${step.title}”` : `'${id}'`;
}

/** What a GetValue asks for. */
function describeGet(element: string): string {
  if (/\.entry$/.test(element)) return 'Vraagt of dit een eerste start of een hervatting is';
  if (element === 'cmi.suspend_data') return 'Haalt de bewaarde voortgang op';
  if (/lesson_location$|^cmi\.location$/.test(element)) return 'Haalt de bladwijzer op';
  if (/student_name$|learner_name$/.test(element)) return 'Haalt de naam van de cursist op';
  if (/student_id$|learner_id$/.test(element)) return 'Haalt de id van de cursist op';
  if (/lesson_status$|completion_status$|success_status$/.test(element)) return 'Haalt de status op';
  if (/interactions\._count$/.test(element)) return 'Telt de opgeslagen antwoorden';
  if (/objectives\._count$/.test(element)) return 'Telt de leerdoelen in het LMS';
  if (/^cmi\.comments$|comments_from_learner/.test(element)) return 'Haalt de geschreven antwoorden op';
  if (/_version$|_children$/.test(element)) return 'Vraagt welke gegevens het LMS kent';
  if (/mode$|credit$/.test(element)) return 'Vraagt hoe de cursus is geopend';
  return `Leest ${element}`;
}

/** What a SetValue stores. */
function describeSet(element: string, value: string, cmi: Cmi, index: CourseIndex | null): string {
  const interaction = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
  if (interaction) {
    const which = question(index, cmi[`cmi.interactions.${interaction[1]}.id`]);
    const field = interaction[2]!;
    if (field === 'id') return `Antwoord op ${which} opgeslagen`;
    if (field === 'result') return `Antwoord op ${which} is ${words(value, RESULT)}`;
    if (/response$/.test(field) && !/correct/.test(field)) return `Gegeven antwoord op ${which} vastgelegd`;
    return `Details van het antwoord op ${which} (${field})`;
  }
  const objective = /^cmi\.objectives\.(\d+)\.(.+)$/.exec(element);
  if (objective) {
    const which = leerdoel(objective[2] === 'id' ? value : cmi[`cmi.objectives.${objective[1]}.id`]);
    const field = objective[2]!;
    if (field === 'id') return `Meldt ${which} aan bij het LMS`;
    if (/status$/.test(field)) return `${cap(which)}: ${words(value, STATUS)}`;
    if (/^score\.(raw|scaled)$/.test(field)) return `${cap(which)}: score ${score(field, value)}`;
    return `${cap(which)}: ${field} vastgelegd`;
  }
  if (element === 'cmi.suspend_data') return `Voortgang bewaard (${value.length.toLocaleString('nl-NL')} tekens)`;
  if (/lesson_location$|^cmi\.location$/.test(element)) return `Bladwijzer gezet op ${stepTitle(index, value)}`;
  if (/lesson_status$|completion_status$/.test(element)) return `Status: ${words(value, STATUS)}`;
  if (element === 'cmi.success_status') return `Uitslag: ${words(value, STATUS)}`;
  if (/score\.(raw|scaled)$/.test(element)) return `Score: ${score(element, value)}`;
  if (/score\.(min|max)$/.test(element))
    return `Schaal van de score (${/min$/.test(element) ? 'minimum' : 'maximum'} ${value})`;
  if (element === 'cmi.progress_measure') return `Voortgang: ${Math.round(Number(value) * 100)} %`;
  if (/session_time$/.test(element)) return `Tijd in deze sessie: ${value}`;
  if (/\.exit$/.test(element))
    return value === 'suspend'
      ? 'Sluit af om later verder te gaan (exit = suspend)'
      : `Sluit de poging af (exit = '${value}')`;
  if (element === 'cmi.comments' || /comments_from_learner/.test(element)) return 'Geschreven antwoorden opgeslagen';
  return `Schrijft ${element}`;
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const score = (element: string, value: string) =>
  /scaled$/.test(element) ? `${Math.round(Number(value) * 100)} %` : `${value}`;

/** One call in words; `cmi` is the session's data model (to find which question an interaction is). */
export function describeCall(call: ApiCall, cmi: Cmi, index: CourseIndex | null): string {
  const [element = '', value = ''] = call.args;
  switch (call.kind) {
    case 'Initialize':
      return 'De cursus start en meldt zich bij het LMS';
    case 'Terminate':
      return 'De cursus sluit de sessie af';
    case 'Commit':
      return 'Slaat alles op in het LMS';
    case 'GetValue':
      return describeGet(element);
    case 'SetValue':
      return describeSet(element, value, cmi, index);
    case 'GetLastError':
      return 'Vraagt of de vorige aanroep lukte';
    case 'GetErrorString':
    case 'GetDiagnostic':
      return 'Vraagt wat een foutcode betekent';
  }
}
