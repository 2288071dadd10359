import type { CourseResult, InteractionRecord, LmsConnection, SaveData } from '../../../src/lms/types';

/** An LmsConnection that records what the course sends; `refuse` makes the named calls fail. */
export class FakeLms implements LmsConnection {
  readonly standard = 'scorm2004' as const;
  readonly saves: SaveData[] = [];
  readonly results: CourseResult[] = [];
  readonly interactions: InteractionRecord[] = [];
  readonly reflections: Record<string, string> = {};
  commits = 0;
  finishedWith: boolean | undefined;
  refuse = new Set<'save' | 'commit' | 'setResult' | 'recordInteraction' | 'saveReflection'>();
  lastError = '';

  start() {
    return { suspendData: '', location: '', resumed: false, learnerName: '', learnerId: '', reflections: {} };
  }
  save(data: SaveData): boolean {
    this.saves.push(data);
    return !this.refuse.has('save');
  }
  recordInteraction(record: InteractionRecord): boolean {
    if (this.refuse.has('recordInteraction')) return false;
    this.interactions.push(record);
    return true;
  }
  setResult(result: CourseResult): boolean {
    this.results.push(result);
    return !this.refuse.has('setResult');
  }
  saveReflection(promptId: string, text: string): boolean {
    this.reflections[promptId] = text;
    return !this.refuse.has('saveReflection');
  }
  maxReflectionChars(): number {
    return 1000;
  }
  commit(): boolean {
    this.commits++;
    return !this.refuse.has('commit');
  }
  finish(completed: boolean): boolean {
    this.finishedWith = completed;
    return true;
  }
}
