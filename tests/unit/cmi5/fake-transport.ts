import type { JsonObject, Statement } from '../../../src/lms/cmi5/statements';
import type { Outcome, Transport } from '../../../src/lms/cmi5/transport';

/** A transport that records what reaches the "LRS" and can refuse. */
export class FakeTransport implements Transport {
  stored: Statement[] = [];
  states: JsonObject[] = [];
  unload: { statements: Statement[]; document: JsonObject | null } | null = null;
  refuse = 0;
  async sendStatement(statement: Statement): Promise<Outcome> {
    if (this.refuse > 0) return (this.refuse--, 'failed');
    if (!this.stored.some((s) => s.id === statement.id)) this.stored.push(statement);
    return 'ok';
  }
  async putState(document: JsonObject): Promise<Outcome> {
    if (this.refuse > 0) return (this.refuse--, 'failed');
    this.states.push(document);
    return 'ok';
  }
  async readState(): Promise<JsonObject | null> {
    return this.states.at(-1) ?? null;
  }
  sendOnUnload(statements: Statement[], document: JsonObject | null): void {
    this.unload = { statements, document };
    if (this.refuse > 0) return; // the LRS is down: the batch is lost (the journal has it)
    for (const s of statements) if (!this.stored.some((x) => x.id === s.id)) this.stored.push(s);
  }
}
